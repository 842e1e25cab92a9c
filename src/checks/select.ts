import { HarnessError } from '../platform/harness-error';
import type { Check } from './check';

/** Which checks a run applies, as Schemathesis users choose them: only these, or all but those. */
export interface CheckSelection {
  /** Only these checks (`--checks a,b`). */
  checks?: readonly string[];
  /** Every check but these (`--exclude-checks a,b`). */
  excludeChecks?: readonly string[];
}

/** A selection that names a check no registry holds: a mistake in `--checks`, said with the command's usage. */
export class UnknownCheckError extends HarnessError {
  override name = 'UnknownCheckError';
  override readonly withUsage = true;
}

/** `a, b,c` as names; an empty list item is no name. */
export const checkNames = (list: string): string[] =>
  list
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');

/**
 * The checks a selection keeps, in the registry's order; throws UnknownCheckError, listing the
 * known names, for a name the registry does not hold.
 * @example selectChecks(CHECKS, { excludeChecks: ['auth_forms_accepted'] })
 */
export function selectChecks<T extends Pick<Check, 'name'>>(all: readonly T[], selection: CheckSelection): T[] {
  const known = all.map((check) => check.name);
  for (const [flag, names] of [
    ['--checks', selection.checks],
    ['--exclude-checks', selection.excludeChecks],
  ] as const) {
    const unknown = (names ?? []).filter((name) => !known.includes(name));
    if (unknown.length > 0)
      throw new UnknownCheckError(
        `${flag}: no check named ${unknown.map((name) => `"${name}"`).join(', ')}; the checks are ${known.join(', ')}`,
      );
  }
  return all.filter(
    (check) =>
      (selection.checks === undefined || selection.checks.includes(check.name)) &&
      !(selection.excludeChecks ?? []).includes(check.name),
  );
}

/** The report's line naming the checks a selection left out, if it left any. */
export function leftOutNote(all: readonly Pick<Check, 'name'>[], kept: readonly Pick<Check, 'name'>[]): string[] {
  const left = all.filter((check) => !kept.includes(check)).map((check) => check.name);
  return left.length === 0 ? [] : [`checks left out (--checks, --exclude-checks): ${left.join(', ')}`];
}
