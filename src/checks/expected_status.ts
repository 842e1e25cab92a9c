import type { Aspect, Expectation } from './case';
import type { Exchange } from './exchange';
import type { ExchangeCheck, Finding } from './check';
import { statusesExpected } from './responses';

const WHY: Record<Expectation, string> = {
  accept: 'for valid data',
  invalid: 'for a body that breaks the schema',
  malformed: 'for a missing or unparseable body',
  unauthenticated: 'for a request without valid credentials',
  forbidden: 'for a token that lacks the required scope',
  'server-error': 'when a mock is asked for a 500',
};

/** Whether the answer's status is one the contract gives the case, and what it should have been. */
export function statusFinding(exchange: Exchange): Finding | undefined {
  const expected = statusesExpected(exchange)!;
  if (expected.includes(exchange.response.status)) return undefined;
  return {
    message: `answered ${exchange.response.status}`,
    expected: `${expected.join(' or ')} ${WHY[exchange.case.expectation]}`,
  };
}

/** A check that the cases of one class (or the plain ones, `aspect` undefined) get the status the contract gives them. */
export function expectedStatusOf(name: string, description: string, aspect: Aspect | undefined): ExchangeCheck {
  return {
    name,
    description,
    scope: 'exchange',
    ...(aspect === undefined ? { expectation: true as const } : { designedCases: true as const }),
    appliesTo: (exchange) => exchange.case.aspect === aspect && (statusesExpected(exchange)?.length ?? 0) > 0,
    run: statusFinding,
  };
}

/** The status is the one the contract gives for this kind of request. */
export const expectedStatus = expectedStatusOf(
  'expected_status',
  'each kind of request gets the status the contract gives it (201, 400, 401, 403, 422)',
  undefined,
);
