// What the proxy passes on: requests and answers unchanged but for hop-by-hop headers, large
// answers streamed (not buffered whole), 502/504 problem+json when the upstream gives no answer,
// and an https upstream trusted only through the CA it is given.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProxy, type RunningProxy } from '../../src/proxy/start';
import { send } from '../support/http';
import { SPEC_PATH } from '../support/spec-copies';

// Generous: a loaded CI machine shares its 2 cores with every server these tests start.
jest.setTimeout(30_000);

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const upstreamOf = (handler: (req: IncomingMessage, res: ServerResponse) => void): Server => createServer(handler);
const closeAll = (server: Server) =>
  new Promise<void>((resolve) => server.close(() => resolve()) && server.closeAllConnections());

let proxy: RunningProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

const start = (upstream: string, also: Partial<Parameters<typeof startProxy>[0]> = {}) =>
  startProxy({ upstream, spec: SPEC_PATH, port: 0, ...also });

it('forwards method, path under the base path, query, headers and body; drops hop-by-hop headers both ways', async () => {
  let seen: {
    method?: string | undefined;
    url?: string | undefined;
    headers: IncomingMessage['headers'];
    body: string;
  } = { headers: {}, body: '' };
  const upstream = upstreamOf((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen = { method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() };
      res
        .writeHead(201, [
          'Content-Type',
          'application/json',
          'Connection',
          'x-up-drop',
          'X-Up-Drop',
          '1',
          'X-Up-Keep',
          'yes',
          'Set-Cookie',
          'a=1',
          'Set-Cookie',
          'b=2',
          'Keep-Alive',
          'timeout=9',
        ])
        .end('{"ok":1}');
    });
  });
  const base = await listen(upstream);
  try {
    proxy = await start(`${base}/base/`);
    const body = '{"url":"https://hooks.example.com/k","eventNames":["CUSTOMER_CREATION"]}';
    const reply = await send(proxy.url, {
      path: '/webhooks?x=1&x=2',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer t',
        connection: 'keep-alive, x-drop-me',
        'x-drop-me': '1',
        'x-keep': 'kept',
        te: 'trailers',
        'proxy-authorization': 'Basic eDp5',
      },
      body,
    });
    expect(seen).toMatchObject({
      method: 'POST',
      url: '/base/webhooks?x=1&x=2',
      body,
      headers: { 'x-keep': 'kept', authorization: 'Bearer t', host: new URL(base).host },
    });
    for (const dropped of ['x-drop-me', 'te', 'proxy-authorization']) expect(seen.headers[dropped]).toBeUndefined();
    expect(reply).toMatchObject({
      status: 201,
      text: '{"ok":1}',
      headers: { 'x-up-keep': 'yes', 'set-cookie': ['a=1', 'b=2'] },
    });
    expect(reply.headers['x-up-drop']).toBeUndefined();
    expect(reply.headers['keep-alive']).not.toBe('timeout=9');
  } finally {
    await closeAll(upstream);
  }
});

it('streams a 5 MiB answer through as it comes, byte for byte', async () => {
  const chunk = Buffer.alloc(64 * 1024, 7);
  const total = 80; // 5 MiB
  let firstArrived: () => void = () => undefined;
  const arrived = new Promise<void>((resolve) => (firstArrived = resolve));
  const upstream = upstreamOf((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.write(chunk);
    // The rest only once the client has the first chunk: a proxy that buffered whole answers would wait forever.
    void arrived.then(() => {
      for (let i = 1; i < total; i++) res.write(Buffer.alloc(64 * 1024, i % 256));
      res.end();
    });
  });
  const base = await listen(upstream);
  try {
    proxy = await start(base);
    const expected = createHash('sha256');
    expected.update(chunk);
    for (let i = 1; i < total; i++) expected.update(Buffer.alloc(64 * 1024, i % 256));
    const received = await new Promise<{ bytes: number; sha: string }>((resolve, reject) => {
      const hash = createHash('sha256');
      let bytes = 0;
      request(`${proxy!.url}/download`, { method: 'GET' }, (res) => {
        res.on('data', (data: Buffer) => {
          if (bytes === 0) firstArrived();
          bytes += data.length;
          hash.update(data);
        });
        res.on('end', () => resolve({ bytes, sha: hash.digest('hex') }));
      })
        .on('error', reject)
        .end();
    });
    expect(received).toEqual({ bytes: 5 * 1024 * 1024, sha: expected.digest('hex') });
    expect(proxy.reports()[0].failures.map((failure) => failure.check)).toEqual(['operation_documented']);
  } finally {
    await closeAll(upstream);
  }
});

it('streams a 5 MiB request body on as it comes, byte for byte', async () => {
  let firstArrived: () => void = () => undefined;
  const arrived = new Promise<void>((resolve) => (firstArrived = resolve));
  const upstream = upstreamOf((req, res) => {
    const hash = createHash('sha256');
    let bytes = 0;
    req.on('data', (data: Buffer) => {
      if (bytes === 0) firstArrived();
      bytes += data.length;
      hash.update(data);
    });
    req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain' }).end(`${bytes} ${hash.digest('hex')}`));
  });
  const base = await listen(upstream);
  try {
    proxy = await start(base);
    const expected = createHash('sha256');
    const reply = await new Promise<string>((resolve, reject) => {
      const upload = request(
        `${proxy!.url}/upload`,
        { method: 'PUT', headers: { 'content-type': 'application/octet-stream' } },
        (res) => {
          let text = '';
          res.on('data', (data: Buffer) => (text += data.toString()));
          res.on('end', () => resolve(text));
        },
      ).on('error', reject);
      const first = Buffer.alloc(64 * 1024, 1);
      expected.update(first);
      upload.write(first);
      // The rest only once the upstream has the first chunk: a proxy that held whole requests would wait forever.
      void arrived.then(() => {
        for (let i = 1; i < 80; i++) {
          const chunk = Buffer.alloc(64 * 1024, i % 256);
          expected.update(chunk);
          upload.write(chunk);
        }
        upload.end();
      });
    });
    expect(reply).toBe(`${5 * 1024 * 1024} ${expected.digest('hex')}`);
  } finally {
    await closeAll(upstream);
  }
});

it('an upstream that went away gets the client a 502 problem+json, and the report counts it', async () => {
  const upstream = upstreamOf((req, res) => res.end());
  const base = await listen(upstream);
  proxy = await start(base);
  await closeAll(upstream);
  const reply = await send(proxy.url, {
    headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
    body: { url: 'https://a.example.com', eventNames: ['CUSTOMER_CREATION'] },
  });
  expect(reply).toMatchObject({
    status: 502,
    headers: { 'content-type': 'application/problem+json' },
    body: { status: 502, title: 'Bad Gateway' },
  });
  expect((reply.body as { detail: string }).detail).toMatch(
    /^the upstream http:\/\/127\.0\.0\.1:\d+ gave no answer: .*ECONNREFUSED/,
  );
  expect(proxy.reports()[1].errors).toMatchObject([{ kind: 'refused' }]);
});

it('an upstream that does not answer in time gets the client a 504 problem+json', async () => {
  const upstream = upstreamOf(() => undefined);
  const base = await listen(upstream);
  try {
    proxy = await start(base, { timeoutMs: 300 });
    const reply = await send(proxy.url, {
      headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
      body: '{}',
    });
    expect(reply).toMatchObject({
      status: 504,
      body: { status: 504, detail: expect.stringMatching(/no answer from the upstream within 300 ms/) as unknown },
    });
    expect(proxy.reports()[1].errors).toMatchObject([{ kind: 'timeout' }]);
  } finally {
    await closeAll(upstream);
  }
});

it('a kept connection reused for a slow answer waits the full --timeout, not its idle timeout', async () => {
  let calls = 0;
  const upstream = upstreamOf((req, res) => {
    req.resume();
    const delay = calls++ === 0 ? 0 : 1500;
    setTimeout(() => res.writeHead(200, { 'content-type': 'text/plain' }).end(`call ${calls}`), delay);
  });
  // It announces `Keep-Alive: timeout=2`: the proxy keeps its connection idle for a second at most.
  upstream.keepAliveTimeout = 2000;
  const base = await listen(upstream);
  try {
    proxy = await start(base, { timeoutMs: 5000 });
    expect(await send(proxy.url, { method: 'GET', path: '/first' })).toMatchObject({ status: 200, text: 'call 1' });
    expect(await send(proxy.url, { method: 'GET', path: '/slow' })).toMatchObject({ status: 200, text: 'call 2' });
    expect(proxy.reports()[1].errors).toEqual([]);
  } finally {
    await closeAll(upstream);
  }
});

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version']);
    return true;
  } catch {
    return false;
  }
})();

(hasOpenssl ? describe : describe.skip)('an https upstream with a private certificate authority', () => {
  const folder = mkdtempSync(join(tmpdir(), 'kaiten-proxy-tls-'));
  const file = (name: string) => join(folder, name);
  let upstream: Server;
  let base: string;

  beforeAll(async () => {
    const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: folder, stdio: 'pipe' });
    openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '2',
      '-subj',
      '/CN=kaiten test CA',
    );
    openssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'server.key',
      '-out',
      'server.csr',
      '-subj',
      '/CN=127.0.0.1',
    );
    writeFileSync(file('san.txt'), 'subjectAltName=IP:127.0.0.1\n');
    openssl(
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'server.pem',
      '-days',
      '2',
      '-extfile',
      'san.txt',
    );
    upstream = createHttpsServer(
      { key: readFileSync(file('server.key')), cert: readFileSync(file('server.pem')) },
      (req, res) => {
        req.resume();
        res.writeHead(200, { 'content-type': 'text/plain' }).end('over tls');
      },
    );
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    base = `https://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await closeAll(upstream);
    rmSync(folder, { recursive: true, force: true });
  });

  it('is trusted through --upstream-ca', async () => {
    proxy = await start(base, { upstreamCa: readFileSync(file('ca.pem'), 'utf8') });
    expect(await send(proxy.url, { method: 'GET', path: '/anything' })).toMatchObject({
      status: 200,
      text: 'over tls',
    });
  });

  it('is refused without it: certificate checks are never turned off', async () => {
    proxy = await start(base);
    const reply = await send(proxy.url, { method: 'GET', path: '/anything' });
    expect(reply.status).toBe(502);
    expect((reply.body as { detail: string }).detail).toMatch(/certificate/i);
    expect(existsSync(file('ca.pem'))).toBe(true);
  });
});

describe('an upstream that has not implemented an operation yet (501)', () => {
  const VALID = { url: 'https://hooks.example.com/k', eventNames: ['CUSTOMER_CREATION'] };
  const headers = { 'content-type': 'application/json', authorization: 'Bearer t' };
  let upstream: Server;
  let base: string;
  beforeAll(async () => {
    upstream = upstreamOf((req, res) => {
      req.resume();
      res.writeHead(501, { 'content-type': 'text/plain' }).end('not yet');
    });
    base = await listen(upstream);
  });
  afterAll(() => closeAll(upstream));

  it('is passed through and judged by default: an undocumented status', async () => {
    proxy = await start(base);
    expect((await send(proxy.url, { headers, body: VALID })).status).toBe(501);
    expect(proxy.reports()[1].failures.map((failure) => failure.check)).toContain('status_code_conformance');
  });

  it('with --mock-unimplemented, the mock answers a documented operation, unjudged and counted; an undocumented path still gets the upstream', async () => {
    proxy = await start(base, { mockUnimplemented: true });
    const reply = await send(proxy.url, { headers, body: VALID });
    expect(reply).toMatchObject({
      status: 201,
      body: VALID,
      headers: { 'x-kaiten-proxy': 'answered by the mock: the upstream said 501' },
    });
    expect((await send(proxy.url, { headers, body: '{}' })).status).toBe(422); // the mock's real error for the client's request
    expect((await send(proxy.url, { method: 'GET', path: '/elsewhere' })).status).toBe(501);
    const [requests, answers] = proxy.reports();
    expect(answers.notes).toEqual([
      '2 request(s) answered by the mock, not judged: the upstream said 501 for a documented operation (--mock-unimplemented)',
    ]);
    expect(answers.failures).toEqual([]);
    expect(requests.failures.map((failure) => failure.check).sort()).toEqual([
      'operation_documented',
      'request_body_conformance',
    ]);
  });
});

it('a client that leaves before the upstream answers is let go: the request is counted, nothing is blamed, nothing hangs', async () => {
  const upstream = upstreamOf((req, res) => {
    req.resume();
    setTimeout(() => res.writeHead(201, { 'content-type': 'application/json' }).end('{}'), 300);
  });
  const base = await listen(upstream);
  try {
    proxy = await start(base);
    await new Promise<void>((resolve) => {
      const leaving = request(`${proxy!.url}/webhooks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
      });
      leaving.on('error', () => resolve());
      leaving.end('{}');
      setTimeout(() => {
        leaving.destroy();
        resolve();
      }, 50);
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [requests, answers] = proxy.reports();
    expect(requests.cases).toBe(1);
    expect([answers.answered, answers.errors.length, answers.failures.length]).toEqual([0, 0, 0]);
  } finally {
    await closeAll(upstream);
  }
});
