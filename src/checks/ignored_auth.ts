import type { ExchangeCheck } from './check';
import { isSuccess } from './responses';

/** Requests without valid credentials, or without the scope, are refused. */
export const ignoredAuth: ExchangeCheck = {
  name: 'ignored_auth',
  description: 'missing, foreign, unknown and under-scoped credentials are refused',
  scope: 'exchange',
  appliesTo: (exchange) =>
    exchange.case.aspect === undefined &&
    (exchange.case.expectation === 'unauthenticated' || exchange.case.expectation === 'forbidden'),
  run: (exchange) =>
    isSuccess(exchange.response.status)
      ? {
          message: `the request was served with ${exchange.response.status}`,
          expected: exchange.case.expectation === 'forbidden' ? 'a 403 answer' : 'a 401 answer',
        }
      : undefined,
};
