import type { ExchangeCheck } from './check';
import { documentedSchema, answerMediaType } from './responses';
import { PROBLEM_JSON } from '../spec/http';
import { listDemanded, violationFields } from './violation-list';

/** RFC 9457: a problem's `status` is the HTTP status; where the spec marks the response `x-violations: listed`, the violations are listed. */
export const problemDetailsConformance: ExchangeCheck = {
  name: 'problem_details_conformance',
  description:
    "a problem's status equals the HTTP status, and an answer the spec marks x-violations: listed lists the request's violations",
  scope: 'exchange',
  appliesTo: (exchange) => answerMediaType(exchange) === PROBLEM_JSON,
  run: (exchange) => {
    const problem = exchange.response.json as Record<string, unknown> | undefined;
    if (problem?.status !== exchange.response.status) {
      return {
        message: `problem status is ${JSON.stringify(problem?.status)}`,
        expected: `status ${exchange.response.status}, the HTTP status`,
      };
    }
    const list = violationFields(documentedSchema(exchange))?.list;
    const listed = problem[list ?? ''];
    if (list !== undefined && listDemanded(exchange) && (!Array.isArray(listed) || listed.length === 0)) {
      return {
        message: `"${list}" is ${Array.isArray(listed) ? 'empty' : 'missing'}`,
        expected: `"${list}" listing each violation`,
      };
    }
    return undefined;
  },
};
