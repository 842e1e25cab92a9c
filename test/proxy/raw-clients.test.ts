// The proxy as raw HTTP clients meet it: chunked bodies both ways, pipelined requests on one
// connection, an HTTP/1.0 client, interim answers, and answers framed by the upstream's close.
import { createServer as createNetServer, type AddressInfo, type Server as NetServer } from 'node:net';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { startProxy, type RunningProxy } from '../../src/proxy/start';
import { parseRaw, sendRaw } from '../support/raw';
import { SPEC_PATH } from '../support/spec-copies';

jest.setTimeout(30_000);

async function listen(server: Server | NetServer): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let upstream: Server;
let proxy: RunningProxy;
const seen: { method: string; url: string; body: string; headers: IncomingMessage['headers'] }[] = [];

beforeAll(async () => {
  upstream = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      seen.push({ method: req.method!, url: req.url!, body, headers: req.headers });
      if (req.url === '/chunked') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('part one, ');
        setTimeout(() => res.end('part two'), 20);
        return;
      }
      res
        .writeHead(200, {
          'content-type': 'text/plain',
          'content-length': Buffer.byteLength(`${req.method} ${req.url} ${body}`),
        })
        .end(`${req.method} ${req.url} ${body}`);
    });
  });
  proxy = await startProxy({ upstream: await listen(upstream), spec: SPEC_PATH, port: 0 });
});
afterAll(async () => {
  await proxy.close();
  await new Promise<void>((resolve) => upstream.close(() => resolve()) && upstream.closeAllConnections());
});
beforeEach(() => (seen.length = 0));

/** The answers in a raw reply, each as status and body (chunked bodies decoded). */
function answersIn(text: string): { status: number; body: string }[] {
  const answers: { status: number; body: string }[] = [];
  let rest = text;
  while (rest.length > 0) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) throw new Error(`not an answer: ${JSON.stringify(rest.slice(0, 80))}`);
    const head = rest.slice(0, end);
    rest = rest.slice(end + 4);
    const status = Number(head.slice(9, 12));
    const length = /content-length: (\d+)/i.exec(head);
    let body = '';
    if (length !== null) {
      body = rest.slice(0, Number(length[1]));
      rest = rest.slice(Number(length[1]));
    } else if (/transfer-encoding: chunked/i.test(head)) {
      for (let size = parseInt(rest, 16); ; size = parseInt(rest, 16)) {
        if (Number.isNaN(size)) throw new Error(`not a chunk: ${JSON.stringify(rest.slice(0, 80))}`);
        rest = rest.slice(rest.indexOf('\r\n') + 2);
        if (size === 0) break;
        body += rest.slice(0, size);
        rest = rest.slice(size + 2);
      }
      rest = rest.slice(rest.indexOf('\r\n') + 2);
    } else {
      body = rest;
      rest = '';
    }
    answers.push({ status, body });
  }
  return answers;
}

it('answers pipelined requests in order on one connection, bodies of every framing relayed', async () => {
  const reply = await sendRaw(
    proxy.url,
    [
      '\r\nGET /a HTTP/1.1\r\nHost: x\r\n\r\nPOST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc',
      'POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nde\r\n',
      '1\r\nf\r\n0\r\n\r\nGET /chunked HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    ],
    3000,
  );
  expect(reply.closed).toBe(true);
  expect(answersIn(reply.text)).toEqual([
    { status: 200, body: 'GET /a ' },
    { status: 200, body: 'POST /b abc' },
    { status: 200, body: 'POST /c def' },
    { status: 200, body: 'part one, part two' },
  ]);
  expect(seen.map((request) => request.body)).toEqual(['', 'abc', 'def', '']);
  expect(proxy.reports()[0].cases).toBeGreaterThanOrEqual(4);
});

it('gives an HTTP/1.0 client the content of a chunked answer, ended by the close', async () => {
  const reply = await sendRaw(proxy.url, ['GET /chunked HTTP/1.0\r\nHost: x\r\n\r\n'], 3000);
  expect(reply.closed).toBe(true);
  const [head, body] = reply.text.split('\r\n\r\n');
  expect(head).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
  expect(head).not.toMatch(/transfer-encoding/i);
  expect(head).toMatch(/connection: close/i);
  expect(body).toBe('part one, part two');
});

it('passes on an interim 100 Continue before the answer', async () => {
  const reply = await sendRaw(
    proxy.url,
    ['POST /e HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\nConnection: close\r\n\r\n', 'hi'],
    3000,
  );
  expect(reply.text).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 OK\r\n/);
  expect(reply.text.endsWith('POST /e hi')).toBe(true);
});

it('leaves 100 Continue to the upstream: one that refuses the body first is heard, and no Continue comes', async () => {
  const refusing = createServer(() => undefined);
  refusing.on('checkContinue', (req: IncomingMessage, res: ServerResponse) =>
    res.writeHead(417, { 'content-type': 'text/plain' }).end('no body, thanks'),
  );
  const other = await startProxy({ upstream: await listen(refusing), spec: SPEC_PATH, port: 0 });
  try {
    const reply = await sendRaw(
      other.url,
      ['POST /e HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\nConnection: close\r\n\r\n'],
      3000,
    );
    expect(reply.text).toMatch(/^HTTP\/1\.1 417 Expectation Failed\r\n/);
    expect(reply.text).not.toMatch(/100 Continue/);
    expect(answersIn(reply.text)).toEqual([{ status: 417, body: 'no body, thanks' }]);
  } finally {
    await other.close();
    await new Promise<void>((resolve) => refusing.close(() => resolve()) && refusing.closeAllConnections());
  }
});

it('passes on an answer framed by the upstream closing, whole, and blames the upstream for nothing', async () => {
  const closing = createNetServer((socket) => {
    socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end'));
  });
  const other = await startProxy({ upstream: await listen(closing), spec: SPEC_PATH, port: 0 });
  try {
    const reply = await sendRaw(other.url, ['GET /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'], 3000);
    expect(reply.closed).toBe(true);
    // Framed anew for the client (chunked): its end is the upstream's close, and all of it came.
    expect(answersIn(reply.text)).toEqual([{ status: 200, body: 'until the end' }]);
    expect(other.reports()[1].errors).toEqual([]);
    expect(other.reports()[0].cases).toBe(1);
  } finally {
    await other.close();
    closing.close();
  }
});

it('refuses a chunked body with a bad size with 400 problem+json, and the upstream never sees a next request made of it', async () => {
  const reply = await sendRaw(
    proxy.url,
    [
      'POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nGET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n',
    ],
    2000,
  );
  expect(reply.text).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
  expect(parseRaw(reply.text)).toMatchObject({
    contentType: 'application/problem+json',
    body: { status: 400, detail: expect.stringMatching(/HPE_INVALID_CHUNK_SIZE/) as unknown },
  });
  expect(seen.map((request) => request.url)).not.toContain('/smuggled');
});

it('passes header bytes beyond ASCII through as they came, both ways', async () => {
  let received = Buffer.alloc(0);
  const raw = createNetServer((socket) => {
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.includes('\r\n\r\n'))
        socket.end(
          Buffer.concat([
            Buffer.from('HTTP/1.1 200 OK\r\nX-Name: caf'),
            Buffer.from([0xc3, 0xa9]),
            Buffer.from('\r\nContent-Length: 2\r\n\r\nok'),
          ]),
        );
    });
  });
  const other = await startProxy({ upstream: await listen(raw), spec: SPEC_PATH, port: 0 });
  try {
    const reply = await sendRaw(
      other.url,
      [
        Buffer.concat([
          Buffer.from('GET /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Sent: '),
          Buffer.from([0xe9, 0xff]),
          Buffer.from('\r\n\r\n'),
        ]),
      ],
      3000,
    );
    expect(
      received.includes(Buffer.from([0x58, 0x2d, 0x53, 0x65, 0x6e, 0x74, 0x3a, 0x20, 0xe9, 0xff, 0x0d, 0x0a])),
    ).toBe(true); // "X-Sent: " then the two bytes
    expect(Buffer.from(reply.text, 'utf8').includes(Buffer.from('X-Name: café'))).toBe(true);
  } finally {
    await other.close();
    raw.close();
  }
});

it('reads an absolute-form target (a client that takes it for a forward proxy) as its path and query', async () => {
  const reply = await sendRaw(
    proxy.url,
    ['GET http://api.example.com/a?x=1 HTTP/1.1\r\nHost: api.example.com\r\nConnection: close\r\n\r\n'],
    3000,
  );
  expect(answersIn(reply.text)).toEqual([{ status: 200, body: 'GET /a?x=1 ' }]);
  // The checks see the same path the upstream got, and so does the report's request.
  const failure = proxy.reports()[0].failures.find((found) => found.request.url.includes('x=1'));
  expect(failure).toMatchObject({
    message: 'GET /a is not in the spec',
    request: { url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/a\?x=1$/) as unknown },
  });
});
