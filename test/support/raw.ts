import { connect } from 'node:net';

/** What a raw socket got back before the server closed it (or the wait ran out). */
export interface RawReply {
  text: string;
  closed: boolean;
}

/**
 * Writes raw bytes to the server and collects whatever comes back, for requests fetch cannot make:
 * until the server closes, `enough` says what came is all that is awaited, or the wait runs out.
 */
export function sendRaw(
  baseUrl: string,
  chunks: (string | Buffer)[],
  waitMs: number,
  enough?: (text: string) => boolean,
): Promise<RawReply> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    const received: Buffer[] = [];
    const done = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text: Buffer.concat(received).toString('utf8'), closed });
    };
    const timer = setTimeout(() => done(false), waitMs);
    socket.on('connect', () => chunks.forEach((chunk) => socket.write(chunk)));
    socket.on('data', (chunk: Buffer) => {
      received.push(chunk);
      if (enough?.(Buffer.concat(received).toString('utf8')) === true) done(false);
    });
    socket.on('close', () => done(true));
    socket.on('error', () => done(true));
  });
}

/** The status and JSON body of a raw HTTP/1.1 reply. */
export function parseRaw(text: string): { status: number; contentType: string | undefined; body: unknown } {
  const [head = '', body = ''] = text.split('\r\n\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
  const contentType = /^content-type: *(.+)$/im.exec(head)?.[1]?.trim();
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = undefined;
  }
  return { status, contentType, body: parsed };
}
