import { DEFAULT_TOKEN } from './settings';
import type { Exchange } from '../src/checks/exchange';

/**
 * A setup mistake that makes every finding meaningless: the target refused the valid
 * credentials on every request that carried them (a wrong or missing --token). Said in one line
 * with what to do, instead of as dozens of violations.
 */
export function setupProblem(exchanges: Exchange[], token: string | undefined): string | undefined {
  // The valid token in a form that must be refused does not count.
  const carried = exchanges.filter(
    (e) => e.case.credentials === 'valid' && e.case.scheme !== undefined && e.case.expectation !== 'unauthenticated',
  );
  if (carried.length === 0) return undefined;
  const which =
    token === undefined
      ? `no --token or $KAITEN_TOKEN was given, so "${DEFAULT_TOKEN}" was sent`
      : 'the token given was sent';
  for (const [status, why] of [
    [401, 'pass a token the target accepts (--token or $KAITEN_TOKEN)'],
    [403, "pass a token that has the operation's scope (--token or $KAITEN_TOKEN)"],
  ] as const) {
    if (carried.every((e) => e.response.status === status))
      return `the target answered ${status} to every request with valid credentials (${which}): ${why}`;
  }
  return undefined;
}
