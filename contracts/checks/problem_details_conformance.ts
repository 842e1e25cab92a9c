import { expectedStatuses } from '../case';
import type { ExchangeCheck } from './check';
import { documentedSchema, mediaTypeOf, PROBLEM_JSON } from './responses';
import { violationFields } from './violation-list';


/** RFC 9457: a problem's `status` is the HTTP status; an answer to a schema violation lists the violations. */
export const problemDetailsConformance: ExchangeCheck = {
  name: 'problem_details_conformance',
  description: "a problem's status equals the HTTP status, and a schema-violation answer lists its violations",
  scope: 'exchange',
  appliesTo: (exchange) => mediaTypeOf(exchange) === PROBLEM_JSON,
  run: (exchange) => {
    const problem = exchange.response.json as Record<string, unknown> | undefined;
    if (problem?.status !== exchange.response.status) {
      return { message: `problem status is ${JSON.stringify(problem?.status)}`, expected: `status ${exchange.response.status}, the HTTP status` };
    }
    const list = violationFields(documentedSchema(exchange))?.list;
    const isViolationAnswer = exchange.case.expectation === 'invalid' && expectedStatuses(exchange.case.operation, 'invalid').includes(exchange.response.status);
    const listed = problem[list ?? ''];
    if (list !== undefined && isViolationAnswer && (!Array.isArray(listed) || listed.length === 0)) {
      return { message: `"${list}" is ${Array.isArray(listed) ? 'empty' : 'missing'}`, expected: `"${list}" listing each violation` };
    }
    return undefined;
  },
};
