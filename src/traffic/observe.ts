// What went through the proxy, as the contract suites see an exchange: a case built from the
// request the client really sent (what the spec says it should get follows from the request
// itself), the request as it went upstream, and the answer.
import type { Case, Expectation } from '../checks/case';
import { schemeOf } from '../spec/scheme';
import { parseJson, type Exchange } from '../checks/exchange';
import { decodeBody } from '../engine/body';
import type { MockRequest } from '../engine/request';
import { parseRequestTarget } from '../engine/request-target';
import { templatePattern } from '../spec/http';
import { describeOperation, type Operation } from '../spec/operations';
import type { Spec } from '../spec/spec';
import type { Forwarded } from './forwarded';
import { judgeRequest, type ObservedRequest, type RequestStages } from './request-checks';

/** A documented operation and the pattern of its path, to find which one a request is for. */
export interface Route {
  operation: Operation;
  pattern: RegExp;
}

export const routeTable = (operations: Operation[]): Route[] =>
  operations.map((operation) => ({ operation, pattern: templatePattern(operation.path).pattern }));

/** The documented operation a request is for; undefined when the spec has none at that method and path. */
export const routeOf = (routes: Route[], method: string, path: string): Route | undefined =>
  routes.find((route) => route.operation.method === method.toLowerCase() && route.pattern.test(path));

/** The client's request as the mock's stages take it; the path is the client's (relative to the proxy). */
export function mockRequestOf(forwarded: Forwarded, target: string): MockRequest {
  const { path, query } = parseRequestTarget(target) ?? { path: target, query: {} };
  return {
    method: forwarded.method.toUpperCase(),
    path,
    query,
    headers: forwarded.headers,
    body: forwarded.body.bytes,
  };
}

/** What the spec says this request should get, judged as the mock judges (credentials first, as the contract orders them). */
function expectationOf(observed: ObservedRequest): { expectation: Expectation; violations?: Case['violations'] } {
  if (observed.credentials !== undefined) return { expectation: 'unauthenticated' };
  const problem = observed.bodyProblem;
  if (problem === undefined) return { expectation: 'accept' };
  if (problem.status !== 422) return { expectation: 'malformed' };
  return {
    expectation: 'invalid',
    violations: (problem.errors ?? []).map((error) => ({
      location: error.location,
      ...(error.value === undefined ? {} : { value: error.value }),
    })),
  };
}

/** The request with its body decoded, ready for the request checks. */
export function observe(stages: RequestStages, route: Route, forwarded: Forwarded, target: string): ObservedRequest {
  const request = mockRequestOf(forwarded, target);
  return judgeRequest(stages, route.operation, request, decodeBody(request), forwarded.body.cut);
}

/** An exchange of the request as it went upstream and its answer (status 0 when none came), under a case made from it. */
export function exchangeFor(
  operation: Operation,
  forwarded: Forwarded,
  serial: number,
  judged: Pick<Case, 'expectation' | 'credentials'> & Partial<Case>,
): Exchange {
  const text = forwarded.body.bytes.toString('utf8');
  const answer = forwarded.answer;
  const responseText = answer === undefined ? '' : answer.body.bytes.toString('utf8');
  const json =
    answer === undefined || answer.body.cut ? undefined : parseJson(responseText, answer.headers['content-type']);
  return {
    case: {
      id: `traffic/${serial}`,
      title: `${describeOperation(operation)} #${serial}, as the client sent it`,
      operation,
      ...(text === '' || judged.value !== undefined ? {} : { raw: text }),
      ...judged,
    },
    request: {
      method: forwarded.method,
      url: forwarded.url,
      headers: forwarded.headers,
      ...(text === '' ? {} : { body: text }),
    },
    response: {
      status: answer?.status ?? 0,
      headers: answer?.headers ?? {},
      text: responseText,
      ...(json === undefined ? {} : { json }),
    },
    sentAt: forwarded.sentAt,
    ms: forwarded.ms,
  };
}

/** The exchange the answer checks judge, with what the spec says the request should get. */
export function exchangeOf(
  spec: Spec,
  route: Route,
  observed: ObservedRequest,
  forwarded: Forwarded,
  serial: number,
): Exchange {
  const { expectation, violations } = expectationOf(observed);
  const scheme = schemeOf(spec.document, route.operation);
  return exchangeFor(route.operation, forwarded, serial, {
    expectation,
    credentials: expectation === 'unauthenticated' ? 'none' : 'valid',
    ...(scheme === undefined ? {} : { scheme }),
    ...(observed.body.kind === 'json' ? { value: observed.body.value } : {}),
    ...(violations === undefined ? {} : { violations }),
  });
}
