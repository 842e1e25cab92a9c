import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MockResponse } from '../engine/problem';
import type { Fault } from '../engine/control/answers';

/** Bytes that are not HTTP, for the `malformed` fault. */
const GARBAGE = Buffer.from(
  'HTTP/1.1 2OO Ok\x00\x01\x02ay\r\nContent-Length: banana\r\n\x7f\x7f\r\n\r\n{"not": http',
  'latin1',
);

/**
 * Breaks the connection the way the fault says, instead of answering: `reset` (TCP RST), `empty`
 * (closed without an answer), `malformed` (garbage bytes, then closed), `stall` (the status and
 * headers of `answer`, the one the request would have had, then nothing of its body until the
 * client gives up, or the server's limit `stallLimitMs` passes).
 */
export function breakConnection(
  req: IncomingMessage,
  res: ServerResponse,
  fault: Fault,
  stallLimitMs: number,
  answer: MockResponse,
): void {
  const socket = req.socket;
  switch (fault) {
    case 'reset':
      socket.resetAndDestroy();
      return;
    case 'empty':
      socket.destroy();
      return;
    case 'malformed':
      socket.end(GARBAGE);
      return;
    case 'stall': {
      const length = answer.body === undefined ? 0 : Buffer.byteLength(JSON.stringify(answer.body));
      res.writeHead(answer.status, { ...answer.headers, 'content-length': Math.max(length, 1) });
      res.flushHeaders();
      const limit = setTimeout(() => socket.destroy(), stallLimitMs);
      socket.once('close', () => clearTimeout(limit));
      return;
    }
  }
}
