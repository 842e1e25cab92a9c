import type { ExchangeCheck } from './check';
import { isSuccess } from './responses';

/** Valid data is accepted. */
export const positiveDataAcceptance: ExchangeCheck = {
  name: 'positive_data_acceptance',
  description: 'valid data (examples and generated bodies) is accepted with a 2xx',
  scope: 'exchange',
  run: (exchange) =>
    exchange.case.expectation === 'accept' && !isSuccess(exchange.response.status)
      ? { message: `valid data was refused with ${exchange.response.status}`, expected: 'a 2xx answer' }
      : undefined,
};
