import type { IHttpRequest, ProblemJsonError } from '@stoplight/prism-http';
import type { HttpMethod } from '@stoplight/types';
import type { ErrorAnswer } from '../problem';
import type { MockRequest } from '../request';

/** A request as Prism's router, validator and mocker take it; the body only when it is JSON. */
export function toPrismRequest(request: MockRequest, jsonBody?: unknown): IHttpRequest {
  return {
    method: request.method.toLowerCase() as HttpMethod,
    url: { path: request.path, query: request.query },
    headers: request.headers,
    body: jsonBody,
  };
}

/** One of Prism's problem errors (a routing miss, a mocker failure) as our problem data. */
export function fromPrismError(error: Error): ErrorAnswer {
  const status = (error as Partial<ProblemJsonError>).status;
  return {
    status: typeof status === 'number' ? status : 500,
    detail: (error as Partial<ProblemJsonError>).detail ?? error.message,
  };
}
