// The answers the proxy gives itself (its live report, the mock's stand-ins, its problem+json),
// written whole with their length.
import type { ServerResponse } from 'node:http';
import { renderProblem } from '../engine/problem';

/** An answer the proxy gives itself. */
export interface LocalAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function problemAnswer(status: number, detail: string): LocalAnswer {
  const response = renderProblem({ status, detail });
  return { status, headers: response.headers, body: JSON.stringify(response.body) };
}

/** Writes an answer of the proxy's own; a client that already has part of another gets a broken connection. */
export function answerLocally(res: ServerResponse, answer: LocalAnswer): void {
  if (res.headersSent) return void res.destroy();
  res
    .writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) })
    .end(answer.body);
}

/** A fault of the proxy's own: the client still gets problem+json (or, midway, a broken connection), never a hang. */
export function answerFault(res: ServerResponse): void {
  if (!res.headersSent) res.setHeader('connection', 'close');
  answerLocally(res, problemAnswer(500, 'the proxy failed unexpectedly; its log says why'));
}
