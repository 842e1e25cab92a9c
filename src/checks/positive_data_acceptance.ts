import type { ExchangeCheck } from './check';
import { isSuccess } from './responses';
import { documentedResponse } from '../spec/documented';

/**
 * Valid data is accepted. A refusal is always judged; a 2xx only when the spec documents it,
 * because an undocumented 2xx (say, 200 `{"ok":true}`) shows nothing was created as the contract
 * means it: status_code_conformance reports that answer.
 */
export const positiveDataAcceptance: ExchangeCheck = {
  name: 'positive_data_acceptance',
  description: 'valid data (examples and generated bodies) is accepted with a documented 2xx',
  scope: 'exchange',
  expectation: true,
  appliesTo: (exchange) =>
    exchange.case.expectation === 'accept' &&
    exchange.case.aspect === undefined &&
    (!isSuccess(exchange.response.status) ||
      documentedResponse(exchange.case.operation, exchange.response.status) !== undefined),
  run: (exchange) =>
    !isSuccess(exchange.response.status)
      ? { message: `valid data was refused with ${exchange.response.status}`, expected: 'a 2xx answer' }
      : undefined,
};
