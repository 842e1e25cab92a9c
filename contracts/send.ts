// The only network code on the contract side: one request per case, bounded by a timeout.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { OpenAPIV3_1 } from 'openapi-types';
import type { Case, Credentials } from '../src/checks/case';
import { parseJson, type Exchange, type RunError, type SentRequest } from '../src/checks/exchange';
import { schemeWord } from './cases/auth';
import { parameterValue } from './cases/parameters';

/** Where the cases go and with which credentials. */
export interface Target {
  /** May carry a path prefix: `https://staging.example.com/api`. */
  baseUrl: string;
  token: string;
  forbiddenToken?: string;
  /** A well-formed token the target cannot know. */
  unknownToken: string;
  timeoutMs: number;
}

const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

function tokenFor(credentials: Credentials, target: Target): string | undefined {
  switch (credentials) {
    case 'valid':
      return target.token;
    case 'forbidden':
      return target.forbiddenToken ?? '';
    case 'unknown-token':
      return target.unknownToken;
    case 'none':
      return undefined;
  }
}

/** Where the credentials go, by the operation's scheme and in the case's form: a header (bearer, basic, API key) or the query. */
function credentialsFor(testCase: Case, target: Target): { headers: Record<string, string>; query: string } {
  const token = tokenFor(testCase.credentials, target);
  const { scheme, form = {} } = testCase;
  if (token === undefined || scheme === undefined) return { headers: {}, query: '' };
  const key = form.noToken === true ? '' : token;
  if (scheme.type === 'apiKey' && scheme.in === 'query')
    return { headers: {}, query: `${encodeURIComponent(scheme.name!)}=${encodeURIComponent(key)}` };
  if (scheme.type === 'apiKey' && scheme.in === 'header')
    return { headers: { [scheme.name!.toLowerCase()]: key }, query: '' };
  if (scheme.type === 'apiKey') return { headers: { cookie: `${scheme.name}=${key}` }, query: '' };
  const credential =
    form.noToken === true ? '' : scheme.scheme === 'basic' ? Buffer.from(`verify:${token}`).toString('base64') : token;
  return {
    headers: {
      authorization: `${form.scheme ?? schemeWord(scheme)}${form.gap ?? ' '}${credential}${form.after ?? ''}`,
    },
    query: '',
  };
}

const parametersOf = (testCase: Case) =>
  (testCase.operation.definition.parameters ?? []) as OpenAPIV3_1.ParameterObject[];

/** The operation path with each path parameter filled from its example or schema. */
function fillPath(testCase: Case): string {
  return testCase.operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const parameter = parametersOf(testCase).find((p) => p.in === 'path' && p.name === name);
    return encodeURIComponent(String(parameter === undefined ? name : parameterValue(parameter)));
  });
}

/** The required parameters in one place (`query`, `header`), each with the value a request sends (an array as repeated values). */
function requiredParameters(testCase: Case, place: string): [string, string][] {
  return parametersOf(testCase)
    .filter((parameter) => parameter.in === place && parameter.required === true)
    .flatMap((parameter) => {
      const value = parameterValue(parameter);
      return (Array.isArray(value) ? value : [value]).map((item): [string, string] => [
        parameter.name,
        typeof item === 'object' ? JSON.stringify(item) : String(item),
      ]);
    });
}

/** The request a case makes against a target, exactly as it will be sent. */
export function requestFor(testCase: Case, target: Target): SentRequest {
  const body = testCase.raw ?? (testCase.value === undefined ? undefined : JSON.stringify(testCase.value));
  const credentials = credentialsFor(testCase, target);
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    ...Object.fromEntries(requiredParameters(testCase, 'header').map(([name, value]) => [name.toLowerCase(), value])),
    ...testCase.headers,
    ...credentials.headers,
  };
  for (const name of testCase.omitHeaders ?? []) delete headers[name];
  const named =
    testCase.titleCaseHeaders === true
      ? Object.fromEntries(
          Object.entries(headers).map(([name, value]) => [
            name.replace(/(^|-)([a-z])/g, (_m, dash: string, letter: string) => dash + letter.toUpperCase()),
            value,
          ]),
        )
      : headers;
  const query = [
    ...requiredParameters(testCase, 'query').map(
      ([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`,
    ),
    ...(credentials.query === '' ? [] : [credentials.query]),
  ].join('&');
  const url = `${target.baseUrl.replace(/\/+$/, '')}${fillPath(testCase)}${query === '' ? '' : `?${query}`}`;
  return {
    method: testCase.operation.method.toUpperCase(),
    url,
    headers: named,
    ...(body === undefined ? {} : { body }),
  };
}

function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).flatMap(([name, value]) =>
      value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : value]],
    ),
  );
}

function kindOf(error: NodeJS.ErrnoException): RunError['kind'] {
  if (error.code === 'ECONNREFUSED') return 'refused';
  if (error.code === 'ECONNRESET' || error.code === 'EPIPE') return 'reset'; // Node's "socket hang up" carries ECONNRESET
  if (error.code === 'ETIMEDOUT') return 'timeout';
  return 'other';
}

/** Sends one case; resolves with the exchange, or with a run error (never rejects, never hangs past the timeout). */
export function sendCase(testCase: Case, target: Target): Promise<Exchange | RunError> {
  const request = requestFor(testCase, target);
  const sentAt = Date.now();
  const started = performance.now();
  const send = request.url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const fail = (kind: RunError['kind'], message: string) => resolve({ case: testCase, request, kind, message });
    let outgoing: ReturnType<typeof httpRequest>;
    try {
      outgoing = send(request.url, { method: request.method, headers: request.headers, agent: false });
    } catch (error) {
      fail('other', (error as Error).message);
      return;
    }
    const timer = setTimeout(() => {
      outgoing.destroy(
        Object.assign(new Error(`no complete answer within ${target.timeoutMs} ms`), { code: 'ETIMEDOUT' }),
      );
    }, target.timeoutMs);
    outgoing.on('response', (incoming) => {
      const chunks: Buffer[] = [];
      let size = 0;
      incoming.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_RESPONSE_BYTES) chunks.push(chunk);
      });
      incoming.on('end', () => {
        clearTimeout(timer);
        const headers = flatten(incoming.headers);
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          case: testCase,
          request,
          response: { status: incoming.statusCode ?? 0, headers, text, json: parseJson(text, headers['content-type']) },
          sentAt,
          ms: performance.now() - started,
        });
      });
      incoming.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        fail(kindOf(error), error.message);
      });
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      fail(kindOf(error), error.message);
    });
    outgoing.end(request.body);
  });
}
