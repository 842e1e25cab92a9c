// The one place that talks to Prism and its fp-ts: our plain stages are plugged into Prism's
// pipeline (route → security + input validation → mock → output validation) through
// createInstance's components, and the result comes back as a plain promise.
import { factory, type IPrismDiagnostic } from '@stoplight/prism-core';
import type { Logger as PrismLogger } from 'pino';
import type { IHttpConfig, IHttpRequest, IHttpResponse, ProblemJsonError } from '@stoplight/prism-http';
import route from '@stoplight/prism-http/dist/router';
import { matchPath } from '@stoplight/prism-http/dist/router/matchPath';
import { MatchType } from '@stoplight/prism-http/dist/router/types';
import { validateInput as prismValidateInput } from '@stoplight/prism-http/dist/validator';
import { DiagnosticSeverity, type IHttpOperation } from '@stoplight/types';
import * as E from 'fp-ts/Either';
import * as TE from 'fp-ts/TaskEither';
import type { NonEmptyArray } from 'fp-ts/NonEmptyArray';
import { PROBLEM_JSON, renderProblem, type MockResponse, type Problem } from '../problem';
import { templatePattern } from '../spec/http';
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
  | { kind: 'answered'; operation: IHttpOperation; response: MockResponse; outputViolations: string[]; decision: Decision }
  | { kind: 'unrouted'; status: number; detail: string };

interface EngineRequest extends IHttpRequest {
  exchange: Exchange;
  /** The operation Prism routed to, noted by the mock stage (Prism's result leaves it out). */
  routed?: IHttpOperation;
  /** What the mock stage chose, and why (a refused preference is the mock's own answer, not the operation's, so not self-checked). */
  decision?: Decision;
}
type FaultDiagnostic = IPrismDiagnostic & { problem?: Problem };
type Diagnostics = NonEmptyArray<FaultDiagnostic>;

const CONFIG: IHttpConfig = {
  checkSecurity: true,
  validateRequest: true,
  validateResponse: true,
  errors: false,
  upstreamProxy: undefined,
  isProxy: false,
  mock: { dynamic: false },
};
// Dynamic data comes from json-schema-faker, which breaks `format: uri` about half the time here:
// regenerate, and after this many tries answer the documented example instead.
const DYNAMIC_ATTEMPTS = 20;

function asDiagnostics(problem: Problem | undefined): Diagnostics | undefined {
  return problem === undefined ? undefined : [{ severity: DiagnosticSeverity.Error, code: problem.status, message: problem.detail, problem }];
}

// Prism still validates parameters (path, query, headers); the body is ours, so Prism sees an
// operation without one and a request without its body headers. Cached per operation.
const parameterOnly = new WeakMap<IHttpOperation, IHttpOperation | null>();
function parametersOf(operation: IHttpOperation): IHttpOperation | null {
  let copy = parameterOnly.get(operation);
  if (copy === undefined) {
    const { body: _body, ...parameters } = operation.request ?? {};
    const hasParameters = Object.values(parameters).some((list) => Array.isArray(list) && list.length > 0);
    copy = hasParameters ? { ...operation, request: parameters } : null;
    parameterOnly.set(operation, copy);
  }
  return copy;
}

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
  const declared = (operation.request as Record<string, { name: string }[] | undefined> | undefined)?.[place === 'header' ? 'headers' : place];
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
  const headers = Object.fromEntries(Object.entries(response.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]));
  let body = response.body;
  // Generated problems get a random status; RFC 9457 wants the HTTP one.
  if (dynamic && headers['content-type']?.startsWith(PROBLEM_JSON) && typeof body === 'object' && body !== null) {
    body = { ...body, status: response.statusCode };
  }
  return { status: response.statusCode, headers, body };
}

function fromPrismError(error: Error): Problem {
  const status = (error as Partial<ProblemJsonError>).status;
  return { status: typeof status === 'number' ? status : 500, detail: (error as Partial<ProblemJsonError>).detail ?? error.message };
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
    get: (_target, property) => (property === 'child' ? () => silent : property === 'level' ? 'silent' : property === 'isLevelEnabled' ? () => false : nothing),
  });
  return silent;
}

/** Prism's pipeline with our stages plugged in. */
export function createEngine(operations: IHttpOperation[], stages: Stages) {
  const logger = silentLogger();

  function mockOnce(operation: IHttpOperation, choice: Extract<Choice, { kind: 'documented' }>, request: EngineRequest, dynamic: boolean, seed?: string): MockResponse {
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
  function documented(operation: IHttpOperation, choice: Extract<Choice, { kind: 'documented' }>, request: EngineRequest): MockResponse {
    if (!choice.dynamic) return mockOnce(operation, choice, request, false);
    const { seed, minted } = request.exchange;
    for (let attempt = 0; attempt < DYNAMIC_ATTEMPTS; attempt++) {
      const response = mockOnce(operation, choice, request, true, seed === undefined ? undefined : `${seed}:${minted.serial}:${attempt}`);
      if (response.status !== Number(choice.response.code) || stages.checkOutput(operation, response).length === 0) return response;
    }
    return mockOnce(operation, choice, request, false);
  }

  // prism-http's createInstance is this same factory with Prism's default stages; building it
  // here keeps the mocker out of start-up. Route is Prism's; the rest are our stages.
  const prism = factory<IHttpOperation, IHttpRequest, IHttpResponse, IHttpConfig>(CONFIG, {
    logger,
    route,
    forward: () => () => TE.left(new Error('the mock never forwards requests')),
    validateSecurity: ({ resource, element }) => {
      const fault = asDiagnostics(stages.checkSecurity(resource, (element as EngineRequest).exchange));
      return fault === undefined ? E.right(element) : E.left(fault);
    },
    validateInput: ({ resource, element }) => {
      const body = stages.checkBody(resource, (element as EngineRequest).exchange);
      const faults = [...(asDiagnostics(body) ?? []), ...(asDiagnostics(checkParameters(resource, element)) ?? [])];
      return faults.length === 0 ? E.right(element) : E.left(faults as Diagnostics);
    },
    mock: ({ resource, input }) => () => {
      const request = input.data as EngineRequest;
      request.routed = resource;
      const faults = input.validations.flatMap((d: FaultDiagnostic) => (d.problem === undefined ? [] : [d.problem]));
      const choice = stages.choose(resource, request.exchange, faults);
      request.decision = choice;
      if (choice.kind === 'problem' || choice.kind === 'refused') return E.right(toPrism(renderProblem(choice.problem)));
      const response = choice.kind === 'reflect' ? stages.reflect(choice, request.exchange) : documented(resource, choice, request);
      if (choice.applied !== undefined) response.headers['preference-applied'] = choice.applied;
      return E.right(toPrism(response));
    },
    validateOutput: ({ resource, element }) => {
      const messages = stages.checkOutput(resource, fromPrism(element));
      return messages.length === 0 ? E.right(element) : E.left(messages.map((message) => ({ severity: DiagnosticSeverity.Error, message })) as Diagnostics);
    },
  });

  return {
    /** Runs one request through Prism; never rejects for anything the request did. */
    async run(exchange: Exchange, request: IHttpRequest): Promise<Outcome> {
      const engineRequest: EngineRequest = { ...request, exchange };
      const result = await prism.request(engineRequest, operations)();
      if (E.isLeft(result) || engineRequest.routed === undefined || engineRequest.decision === undefined) {
        const problem = fromPrismError(E.isLeft(result) ? result.left : new Error('no operation was routed'));
        return { kind: 'unrouted', status: problem.status, detail: problem.detail };
      }
      return {
        kind: 'answered',
        operation: engineRequest.routed,
        response: fromPrism(result.right.output),
        outputViolations: engineRequest.decision.kind === 'refused' ? [] : result.right.validations.output.map((d) => d.message),
        decision: engineRequest.decision,
      };
    },
  };
}

function toPrism(response: MockResponse): IHttpResponse {
  return { statusCode: response.status, headers: response.headers, body: response.body };
}

function fromPrism(response: IHttpResponse): MockResponse {
  return { status: response.statusCode, headers: (response.headers ?? {}), body: response.body };
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
