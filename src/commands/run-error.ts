import { HarnessError } from '../platform/harness-error';
import { UsageError } from './output';

/**
 * The error of the run a thrown value is: a HarnessError, or node:util's `parseArgs` refusing the
 * arguments (a usage error); undefined for anything else, which is a bug and reported as one.
 */
export function runErrorOf(error: unknown): HarnessError | undefined {
  if (error instanceof HarnessError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) return new UsageError((error as Error).message);
  return undefined;
}

/**
 * What the CLI prints on standard error for an error of the run: one line, then the command's
 * usage when the mistake is in how the command was called.
 * @example runErrorText(new UsageError('--upstream is required'), PROXY_USAGE)
 */
export function runErrorText(error: HarnessError, usage: string): string {
  return `kaiten-webhooks: ${error.said}\n${error.withUsage ? `\n${usage}` : ''}`;
}
