// The mock holds each answer it is about to send to the spec with the registry's conformance
// checks, the same named checks verify applies to a server: an answer that breaks the spec is a
// bug in the mock or the spec, and the edge logs it loudly.
import { CONFORMANCE_CHECKS } from '../checks/conformance';
import type { Expectation } from '../checks/case';
import type { CheckContext } from '../checks/check';
import type { Exchange } from '../checks/exchange';
import type { Violation } from '../spec/huma';
import type { Operation } from '../spec/operations';
import type { MockResponse } from './problem';
import type { MockRequest } from './request';

/** What the answer says of the request; none of the conformance checks reads it, but an exchange carries one. */
const EXPECTATION_BY_STATUS: Record<number, Expectation> = {
  400: 'malformed',
  401: 'unauthenticated',
  403: 'forbidden',
  422: 'invalid',
  500: 'server-error',
};

/** The mock's own answer as the checks see an exchange: the body as the edge will serialise it. */
function exchangeOf(
  operation: Operation,
  request: MockRequest,
  response: MockResponse,
  violations: Violation[],
): Exchange {
  const { body } = response;
  return {
    case: {
      id: 'mock/answer',
      title: 'the mock answer',
      operation,
      expectation: EXPECTATION_BY_STATUS[response.status] ?? 'accept',
      credentials: 'valid',
      violations,
    },
    request: { method: request.method, url: request.path, headers: request.headers },
    response: {
      status: response.status,
      headers: response.headers,
      // Only read when the body is not JSON: serialised then, not for every answer.
      get text() {
        return body === undefined ? '' : JSON.stringify(body);
      },
      json: body,
    },
    sentAt: Date.now(),
    ms: 0,
  };
}

/** Where the answer breaks the spec, one line per failed conformance check; empty when it holds. */
export function selfCheck(
  context: CheckContext,
  operation: Operation,
  request: MockRequest,
  response: MockResponse,
  violations: Violation[] = [],
): string[] {
  const exchange = exchangeOf(operation, request, response, violations);
  return CONFORMANCE_CHECKS.flatMap((check) => {
    if (!check.appliesTo(exchange, context)) return [];
    const finding = check.run(exchange, context);
    return finding === undefined ? [] : [finding.message];
  });
}
