import { HarnessError } from '../platform/harness-error';

/** Where a command writes; tests pass their own. */
export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** A command-line mistake, said to the user with the command's usage; exit code 2. */
export class UsageError extends HarnessError {
  override name = 'UsageError';
  override readonly withUsage = true;
}

/** A whole number from a flag, or a UsageError naming the flag. */
export function integerFlag(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  }
  return Number(value);
}
