import type { ExchangeCheck } from './check';
import { isSuccess } from './responses';

/** Invalid or malformed data is refused. */
export const negativeDataRejection: ExchangeCheck = {
  name: 'negative_data_rejection',
  description: 'a body that breaks the schema, or is missing or unparseable, is refused',
  scope: 'exchange',
  expectation: true,
  appliesTo: (exchange) =>
    exchange.case.aspect === undefined &&
    (exchange.case.expectation === 'invalid' || exchange.case.expectation === 'malformed'),
  run: (exchange) =>
    isSuccess(exchange.response.status)
      ? { message: `invalid data was accepted with ${exchange.response.status}`, expected: 'a 4xx answer' }
      : undefined,
};
