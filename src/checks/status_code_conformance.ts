import { OUTSIDE_THE_OPERATION } from '../spec/http';
import { describeOperation } from '../spec/operations';
import { documentedCodes } from '../spec/documented';
import type { ExchangeCheck } from './check';
import { documentedResponse } from '../spec/documented';

/** The status is one the spec documents for the operation; those that say the request never reached it (a media type it does not take, a body too large) are not the operation's to document. */
export const statusCodeConformance: ExchangeCheck = {
  name: 'status_code_conformance',
  description: 'every status is documented for the operation',
  scope: 'exchange',
  appliesTo: (exchange) => !OUTSIDE_THE_OPERATION.has(exchange.response.status),
  run: (exchange) =>
    documentedResponse(exchange.case.operation, exchange.response.status) === undefined
      ? {
          message: `status ${exchange.response.status} is not documented for ${describeOperation(exchange.case.operation)} (documented: ${documentedCodes(exchange.case.operation).join(', ')})`,
          expected: `one of ${documentedCodes(exchange.case.operation).join(', ')}`,
        }
      : undefined,
};
