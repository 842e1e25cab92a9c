import type { IHttpOperation } from '@stoplight/types';
import type { Logger as PrismLogger } from 'pino';
import type { IHttpRequest, IHttpResponse } from '@stoplight/prism-http';
import * as E from 'fp-ts/Either';
import { renderProblem, type MockResponse } from '../problem';
import { PROBLEM_JSON } from '../../spec/http';
import { fromPrismError } from './requests';

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

/** What a documented answer is made of: the response's code, a named example, a media type, and whether to generate data. */
export interface DocumentedAsk {
  code: string;
  exampleKey?: string;
  mediaType?: string;
  dynamic: boolean;
  seed?: string;
}

const logger = silentLogger();

/** One answer from Prism's mocker: the documented example, or data generated from the schema. */
export function mockAnswer(operation: IHttpOperation, ask: DocumentedAsk, request: IHttpRequest): MockResponse {
  const code = Number(ask.code);
  const config = {
    dynamic: ask.dynamic,
    ...(Number.isInteger(code) ? { code } : {}),
    ...(ask.exampleKey === undefined ? {} : { exampleKey: ask.exampleKey }),
    ...(ask.mediaType === undefined ? {} : { mediaTypes: [ask.mediaType] }),
    ...(ask.seed === undefined ? {} : { seed: ask.seed }),
  };
  const result = prismMock()({ resource: operation, input: { data: request, validations: [] }, config })(logger);
  return E.isLeft(result) ? renderProblem(fromPrismError(result.left)) : normalize(result.right, ask.dynamic);
}
