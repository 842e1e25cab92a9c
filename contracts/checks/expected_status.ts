import type { Expectation } from '../case';
import type { ExchangeCheck } from './check';
import { statusesExpected } from './responses';

const WHY: Record<Expectation, string> = {
  accept: 'for valid data',
  invalid: 'for a body that breaks the schema',
  malformed: 'for a missing or unparseable body',
  unauthenticated: 'for a request without valid credentials',
  forbidden: 'for a token that lacks the required scope',
  'server-error': 'when a mock is asked for a 500',
};

/** The status is the one the contract gives for this kind of request. */
export const expectedStatus: ExchangeCheck = {
  name: 'expected_status',
  description: 'each kind of request gets the status the contract gives it (201, 400, 401, 403, 422)',
  scope: 'exchange',
  appliesTo: (exchange) => (statusesExpected(exchange)?.length ?? 0) > 0,
  run: (exchange) => {
    const expected = statusesExpected(exchange)!;
    if (expected.includes(exchange.response.status)) return undefined;
    return { message: `answered ${exchange.response.status}`, expected: `${expected.join(' or ')} ${WHY[exchange.case.expectation]}` };
  },
};
