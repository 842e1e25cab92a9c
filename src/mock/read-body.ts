import type { IncomingMessage } from 'node:http';
import { bodyTooLarge, type ErrorAnswer } from '../engine/problem';

/** The whole body, a problem to answer with (too large, too slow), or `gone` when the client left. */
export type BodyRead = { kind: 'body'; body: Buffer } | { kind: 'refused'; problem: ErrorAnswer } | { kind: 'gone' };

/** Reads a request body up to `limit` bytes and `timeoutMs`; never buffers more than the limit. */
export function readBody(request: IncomingMessage, limit: number, timeoutMs: number): Promise<BodyRead> {
  const declared = Number(request.headers['content-length'] ?? 0);
  const tooLarge = bodyTooLarge(limit);
  if (declared > limit) {
    request.resume(); // discard what is on its way, so the 413 reaches the client before the close
    return Promise.resolve({ kind: 'refused', problem: tooLarge });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyRead) => {
      clearTimeout(timer);
      request.removeAllListeners('data');
      if (result.kind === 'refused') request.resume();
      resolve(result);
    };
    const timer = setTimeout(
      () =>
        finish({
          kind: 'refused',
          problem: { status: 408, detail: `request body did not arrive within ${timeoutMs} ms` },
        }),
      timeoutMs,
    );
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) finish({ kind: 'refused', problem: tooLarge });
      else chunks.push(chunk);
    });
    request.on('end', () => finish({ kind: 'body', body: Buffer.concat(chunks, size) }));
    request.on('error', () => finish({ kind: 'gone' }));
    request.on('close', () => {
      if (!request.complete) finish({ kind: 'gone' });
    });
  });
}
