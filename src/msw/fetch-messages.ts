// The MSW face's conversions: a Fetch `Request` into the pipeline's plain request, and the
// pipeline's answer (or fault) into a Fetch `Response`.
import type { Fault } from '../engine/control/answers';
import type { MockResponse } from '../engine/problem';
import { queryOf, type MockRequest } from '../engine/request';

/** A Fetch request as the pipeline takes it; `basePath` (`/api`) is taken off the path. */
export async function toMockRequest(request: Request, basePath: string): Promise<MockRequest> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name] = value)); // lower-case names, repeats joined with ", "
  return {
    method: request.method.toUpperCase(),
    path: url.pathname.slice(basePath.length) || '/',
    query: queryOf(url),
    headers,
    body: new Uint8Array(await request.arrayBuffer()),
  };
}

/**
 * A fault as a browser's fetch meets it: `reset`, `empty` and `malformed` are network errors (what
 * fetch reports for each), `stall` sends the status and headers of `answer` (the one the request
 * would have had) and then a body that never comes, until `stallLimitMs` passes and it fails.
 */
export function faultResponse(fault: Fault, stallLimitMs: number, answer: MockResponse): Response {
  if (fault !== 'stall') return Response.error();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const body = new ReadableStream({
    start: (controller) =>
      void (timer = setTimeout(
        () => controller.error(new TypeError('the mock stalled this answer (fault: stall)')),
        stallLimitMs,
      )),
    cancel: () => clearTimeout(timer),
  });
  return new Response(body, { status: answer.status, headers: answer.headers });
}
