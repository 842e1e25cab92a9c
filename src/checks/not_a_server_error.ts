import type { ExchangeCheck } from './check';
import { preferenceApplied } from './responses';

/** No 5xx, unless a mock was asked for one. */
export const notAServerError: ExchangeCheck = {
  name: 'not_a_server_error',
  description: 'the target never answers 5xx to a request (unless a mock was asked for it)',
  scope: 'exchange',
  appliesTo: () => true,
  run: (exchange) =>
    exchange.response.status >= 500 && !(exchange.case.expectation === 'server-error' && preferenceApplied(exchange))
      ? { message: `answered ${exchange.response.status}`, expected: 'an answer below 500' }
      : undefined,
};
