import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { renderProblem, type ErrorAnswer } from './problem';

/**
 * RFC 9112 3.2: a server answers 400 to an HTTP/1.1 request without Host. Node's server would do
 * it with a bare 400 (`requireHostHeader`), so the faces turn that off and answer problem+json.
 */
export function missingHost(request: IncomingMessage): ErrorAnswer | undefined {
  return request.httpVersion === '1.1' && request.headers.host === undefined
    ? { status: 400, detail: 'an HTTP/1.1 request without a Host header' }
    : undefined;
}

/** Answers a malformed or too slow request the way every other error is answered: problem+json, then close. */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  const response = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || response?.headersSent === true) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const body = JSON.stringify(
    renderProblem({ status, detail: `malformed or incomplete HTTP request (${error.code ?? 'unknown'})` }).body,
  );
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
