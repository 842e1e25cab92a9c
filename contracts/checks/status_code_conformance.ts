import { documentedCodes } from '../case';
import type { ExchangeCheck } from './check';
import { documentedResponse } from './responses';

/** The status is one the spec documents for the operation. */
export const statusCodeConformance: ExchangeCheck = {
  name: 'status_code_conformance',
  description: 'every status is documented for the operation',
  scope: 'exchange',
  appliesTo: () => true,
  run: (exchange) =>
    documentedResponse(exchange.case.operation, exchange.response.status) === undefined
      ? { message: `status ${exchange.response.status} is not documented`, expected: `one of ${documentedCodes(exchange.case.operation).join(', ')}` }
      : undefined,
};
