// The one place that talks to Prism and its fp-ts: Prism's router, its parameter validator and
// its mocker, around our plain stages, in the order of Prism's own pipeline (route → security +
// input validation → mock → output validation). The result comes back as plain data.
import type { IPrismDiagnostic } from '@stoplight/prism-core';
import type { Logger as PrismLogger } from 'pino';
import type { IHttpRequest, IHttpResponse, ProblemJsonError } from '@stoplight/prism-http';
import route from '@stoplight/prism-http/dist/router';
import { matchPath } from '@stoplight/prism-http/dist/router/matchPath';
import { MatchType } from '@stoplight/prism-http/dist/router/types';
import { validateInput as prismValidateInput } from '@stoplight/prism-http/dist/validator';
import type { IHttpOperation } from '@stoplight/types';
import * as E from 'fp-ts/Either';
import { PROBLEM_JSON, renderProblem, type MockResponse, type Problem } from './problem';
import { templatePattern } from '../spec/http';
import { rememberedFor } from '../spec/remember';
import type { Choice, Decision } from './choose';
import type { Exchange } from './exchange';
import { toLocation } from '../spec/huma';

/** The mock's own stages, as plain functions of plain data. */
export interface Stages {
  checkSecurity(operation: IHttpOperation, exchange: Exchange): Problem | undefined;
  checkBody(operation: IHttpOperation, exchange: Exchange): Problem | undefined;
  choose(operation: IHttpOperation, exchange: Exchange, faults: Problem[]): Decision;
  reflect(choice: Extract<Choice, { kind: 'reflect' }>, exchange: Exchange): MockResponse;
  checkOutput(operation: IHttpOperation, response: MockResponse): string[];
}

/** What Prism made of a request: an answer for an operation, or no operation at that path or method. */
export type Outcome =
  | {
      kind: 'answered';
      operation: IHttpOperation;
      response: MockResponse;
      outputViolations: string[];
      decision: Decision;
    }
  | { kind: 'unrouted'; status: number; detail: string };

/** A request as Prism's mocker gets it, with our exchange beside it (for the seed and minted values). */
interface EngineRequest extends IHttpRequest {
  exchange: Exchange;
}
// Dynamic data comes from json-schema-faker, which breaks `format: uri` about half the time here:
// regenerate, and after this many tries answer the documented example instead.
const DYNAMIC_ATTEMPTS = 20;
/** Routing results the engine remembers before it starts over. */
const ROUTES_REMEMBERED = 1000;

// Prism still validates parameters (path, query, headers); the body is ours, so Prism sees an
// operation without one and a request without its body headers. Cached per operation.
const parametersOf = rememberedFor((operation: IHttpOperation): IHttpOperation | null => {
  const { body: _body, ...parameters } = operation.request ?? {};
  const hasParameters = Object.values(parameters).some((list) => Array.isArray(list) && list.length > 0);
  return hasParameters ? { ...operation, request: parameters } : null;
});

/** What is wrong with a request's parameters (path, query, headers), by Prism's validator, as a 422 problem. */
export function checkParameters(operation: IHttpOperation, element: IHttpRequest): Problem | undefined {
  const resource = parametersOf(operation);
  if (resource === null) return undefined;
  const { 'content-length': _length, 'content-type': _type, ...headers } = element.headers ?? {};
  const result = prismValidateInput({ resource, element: { ...element, headers, body: undefined } });
  return E.isLeft(result) ? parameterProblem(operation, element, result.left) : undefined;
}

/** A path parameter's value as sent, read off the path by the operation's template. */
function pathValue(operation: IHttpOperation, path: string, name: string): string | undefined {
  const { pattern, names } = templatePattern(operation.path);
  const value = pattern.exec(path)?.[names.findIndex((found) => found.toLowerCase() === name.toLowerCase()) + 1];
  try {
    return value === undefined ? undefined : decodeURIComponent(value);
  } catch {
    return value; // not valid percent-encoding: show it as sent
  }
}

/** The offending value of a parameter, as the request sent it (Huma puts it in `value`). */
function sentValue(operation: IHttpOperation, request: IHttpRequest, place: string, name: string): unknown {
  if (place === 'path') return pathValue(operation, request.url.path, name);
  if (place === 'query') return request.url.query?.[name];
  if (place === 'header') return request.headers?.[name.toLowerCase()];
  return undefined;
}

/** Prism lower-cases parameter names in its paths; Huma-style locations use the spec's spelling. */
function declaredName(operation: IHttpOperation, place: string, name: string): string {
  const declared = (operation.request as Record<string, { name: string }[] | undefined> | undefined)?.[
    place === 'header' ? 'headers' : place
  ];
  return declared?.find((parameter) => parameter.name.toLowerCase() === name.toLowerCase())?.name ?? name;
}

function parameterProblem(operation: IHttpOperation, request: IHttpRequest, diagnostics: IPrismDiagnostic[]): Problem {
  const errors = diagnostics.map((d) => {
    const [place = 'request', name, ...rest] = d.path ?? [];
    const segments = name === undefined ? rest : [declaredName(operation, place, name), ...rest];
    const value = name === undefined || rest.length > 0 ? undefined : sentValue(operation, request, place, name);
    return { location: toLocation(place, segments), message: d.message, ...(value === undefined ? {} : { value }) };
  });
  return { status: 422, detail: 'validation failed', errors };
}

function normalize(response: IHttpResponse, dynamic: boolean): MockResponse {
  const headers = Object.fromEntries(
    Object.entries(response.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]),
  );
  let body = response.body;
  // Generated problems get a random status; RFC 9457 wants the HTTP one.
  if (dynamic && headers['content-type']?.startsWith(PROBLEM_JSON) && typeof body === 'object' && body !== null) {
    body = { ...body, status: response.statusCode };
  }
  return { status: response.statusCode, headers, body };
}

function fromPrismError(error: Error): Problem {
  const status = (error as Partial<ProblemJsonError>).status;
  return {
    status: typeof status === 'number' ? status : 500,
    detail: (error as Partial<ProblemJsonError>).detail ?? error.message,
  };
}

type PrismMock = typeof import('@stoplight/prism-http/dist/mocker').default;
let loadedMock: PrismMock | undefined;

/**
 * Prism's mocker, loaded on first use: it brings faker and json-schema-faker (about 1 s to
 * load), and only documented and generated answers need it, not the reflected 201 or real errors.
 */
function prismMock(): PrismMock {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loadedMock ??= (require('@stoplight/prism-http/dist/mocker') as { default: PrismMock }).default;
  return loadedMock;
}

/**
 * Prism's own logging is silenced (the edge logs one line per request), and cheaply: Prism makes
 * a child logger per request, which for pino is real work. No pino at all: every method, Prism's
 * custom `success` level included, does nothing, and a child is the same logger.
 */
function silentLogger(): PrismLogger {
  const nothing = () => undefined;
  const silent: PrismLogger = new Proxy({} as PrismLogger, {
    get: (_target, property) =>
      property === 'child'
        ? () => silent
        : property === 'level'
          ? 'silent'
          : property === 'isLevelEnabled'
            ? () => false
            : nothing,
  });
  return silent;
}

/** Prism's pipeline with our stages plugged in. */
export function createEngine(operations: IHttpOperation[], stages: Stages) {
  const logger = silentLogger();

  function mockOnce(
    operation: IHttpOperation,
    choice: Extract<Choice, { kind: 'documented' }>,
    request: EngineRequest,
    dynamic: boolean,
    seed?: string,
  ): MockResponse {
    const code = Number(choice.response.code);
    const config = {
      dynamic,
      ...(Number.isInteger(code) ? { code } : {}),
      ...(choice.exampleKey === undefined ? {} : { exampleKey: choice.exampleKey }),
      ...(choice.content === undefined ? {} : { mediaTypes: [choice.content.mediaType] }),
      ...(seed === undefined ? {} : { seed }),
    };
    const result = prismMock()({ resource: operation, input: { data: request, validations: [] }, config })(logger);
    return E.isLeft(result) ? renderProblem(fromPrismError(result.left)) : normalize(result.right, dynamic);
  }

  /** A documented answer; generated data is regenerated until it validates, else the documented example stands in. */
  function documented(
    operation: IHttpOperation,
    choice: Extract<Choice, { kind: 'documented' }>,
    request: EngineRequest,
  ): MockResponse {
    if (!choice.dynamic) return mockOnce(operation, choice, request, false);
    const { seed, minted } = request.exchange;
    for (let attempt = 0; attempt < DYNAMIC_ATTEMPTS; attempt++) {
      const response = mockOnce(
        operation,
        choice,
        request,
        true,
        seed === undefined ? undefined : `${seed}:${minted.serial}:${attempt}`,
      );
      if (response.status !== Number(choice.response.code) || stages.checkOutput(operation, response).length === 0)
        return response;
    }
    return mockOnce(operation, choice, request, false);
  }

  // Prism's router is the authority; what it says depends on the method and path alone, so it is
  // asked once per (method, path) and remembered, up to a bound (ids in paths make paths many).
  const routes = new Map<string, ReturnType<typeof route>>();
  function routeCached(request: IHttpRequest): ReturnType<typeof route> {
    const key = `${request.method} ${request.url.path}`;
    let routed = routes.get(key);
    if (routed === undefined) {
      routed = route({ resources: operations, input: request });
      if (routes.size >= ROUTES_REMEMBERED) routes.clear();
      routes.set(key, routed);
    }
    return routed;
  }

  /** Every fault of a request, in Prism's order (credentials, then body, then parameters). */
  function faultsOf(operation: IHttpOperation, exchange: Exchange, request: IHttpRequest): Problem[] {
    return [
      stages.checkSecurity(operation, exchange),
      stages.checkBody(operation, exchange),
      checkParameters(operation, request),
    ].filter((fault) => fault !== undefined);
  }

  return {
    /**
     * One request: Prism's router finds the operation, then our stages run directly, in the order
     * Prism's pipeline runs them (route, validate, mock, validate the answer). Prism's factory
     * around them was only orchestration, in fp-ts, on every request; its mocker still makes the
     * documented and generated answers. Never rejects for anything the request did.
     */
    run(exchange: Exchange, request: IHttpRequest): Outcome {
      const routed = routeCached(request);
      if (E.isLeft(routed)) {
        const problem = fromPrismError(routed.left);
        return { kind: 'unrouted', status: problem.status, detail: problem.detail };
      }
      const operation = routed.right;
      const decision = stages.choose(operation, exchange, faultsOf(operation, exchange, request));
      if (decision.kind === 'problem' || decision.kind === 'refused') {
        const response = renderProblem(decision.problem);
        // A refused preference is the mock's own answer, not the operation's: not self-checked.
        return {
          kind: 'answered',
          operation,
          response,
          outputViolations: decision.kind === 'refused' ? [] : stages.checkOutput(operation, response),
          decision,
        };
      }
      const response =
        decision.kind === 'reflect'
          ? stages.reflect(decision, exchange)
          : documented(operation, decision, { ...request, exchange });
      if (decision.applied !== undefined) response.headers['preference-applied'] = decision.applied;
      return {
        kind: 'answered',
        operation,
        response,
        outputViolations: stages.checkOutput(operation, response),
        decision,
      };
    },
  };
}

/** The methods documented for a path, for a 405's `Allow` header. */
export function allowedMethods(operations: IHttpOperation[], path: string): string[] {
  if (!path.startsWith('/')) return [];
  const matching = operations.filter((operation) => {
    const match = matchPath(path, operation.path);
    return E.isRight(match) && match.right !== MatchType.NOMATCH;
  });
  return [...new Set(matching.map((operation) => operation.method.toUpperCase()))];
}
