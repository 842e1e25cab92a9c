// The mock holds each answer it is about to send to the spec with the registry's conformance
// checks, the same named checks verify applies to a server: an answer that breaks the spec is a
// bug in the mock or the spec, and the edge logs it loudly.
import { CONFORMANCE_CHECKS } from '../checks/conformance';
import type { Case, Expectation } from '../checks/case';
import type { CheckContext } from '../checks/check';
import type { Exchange, Received } from '../checks/exchange';
import type { Violation } from '../spec/huma';
import type { Operation } from '../spec/operations';
import { rememberedPer } from '../spec/remember';
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

/** The mock's answer as the checks read an answer; the body is serialised only if a check asks for the text. */
class Answer implements Received {
  constructor(
    readonly status: number,
    readonly headers: Record<string, string>,
    readonly json: unknown,
  ) {}

  get text(): string {
    return this.json === undefined ? '' : JSON.stringify(this.json);
  }
}

// The case a mock answer stands under, made once per operation and status: most carry no violations.
const caseFor = rememberedPer((operation: Operation, status: number): Case => ({
  id: 'mock/answer',
  title: 'the mock answer',
  operation,
  expectation: EXPECTATION_BY_STATUS[status] ?? 'accept',
  credentials: 'valid',
}));

/** The mock's own answer as the checks see an exchange. */
function exchangeOf(
  operation: Operation,
  request: MockRequest,
  response: MockResponse,
  violations: Violation[],
): Exchange {
  const shared = caseFor(operation, response.status);
  return {
    case:
      violations.length === 0
        ? shared
        : {
            id: shared.id,
            title: shared.title,
            operation,
            expectation: shared.expectation,
            credentials: shared.credentials,
            violations,
          },
    request: { method: request.method, url: request.path, headers: request.headers },
    response: new Answer(response.status, response.headers, response.body),
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
  const found: string[] = [];
  for (const check of CONFORMANCE_CHECKS) {
    if (!check.appliesTo(exchange, context)) continue;
    const finding = check.run(exchange, context);
    if (finding !== undefined) found.push(finding.message);
  }
  return found;
}
