// Driving the mock from outside the request: staged answers and the request journal, over HTTP
// (/__mock), from code (startMock's handle) and from a file (--answers), secure by default.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli';
import { EXIT } from '../../src/platform/exit';
import { startMock, type RunningMock } from '../../src/mock/start';
import { SpecError } from '../../src/spec/spec';
import { send, VALID_BODY } from '../support/http';
import { at, copySpec, writeSpecs } from '../support/spec-copies';

const folder = mkdtempSync(join(tmpdir(), 'kaiten-control-'));
const AUTH = { authorization: 'Bearer good', 'content-type': 'application/json' };
let mock: RunningMock;

beforeAll(async () => {
  mock = await startMock({
    port: 0,
    watch: false,
    logLevel: 'silent',
    tokens: ['good'],
    forbiddenTokens: ['ro'],
    journalSize: 5,
  });
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

const admin = (method: string, path: string, body?: unknown) =>
  send(mock.url, {
    method,
    path: `/__mock${path}`,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body }),
  });
const create = (headers: Record<string, string> = AUTH, body: unknown = VALID_BODY) =>
  send(mock.url, { headers, body });
const statuses = async (count: number) => {
  const seen: number[] = [];
  for (let i = 0; i < count; i++) seen.push((await create()).status);
  return seen;
};

describe('staged answers over HTTP', () => {
  it('"times": 1 answers the next matching request only, then the mock reflects again; the queue empties', async () => {
    const staged = await admin('POST', '/answers', {
      operation: 'create-webhook',
      code: 500,
      example: 'internal-error',
      times: 1,
    });
    expect(staged).toMatchObject({
      status: 201,
      body: { answers: [{ id: expect.any(Number) as unknown, code: 500, times: 1, used: 0 }] },
    });
    expect(await statuses(2)).toEqual([500, 201]);
    expect((await admin('GET', '/answers')).body).toEqual({ answers: [] });
  });

  it('without "times" an answer stays until cleared; "POST /webhooks" names the operation too', async () => {
    await admin('POST', '/answers', { operation: 'POST /webhooks', code: 403 });
    expect(await statuses(3)).toEqual([403, 403, 403]);
    expect((await admin('DELETE', '/answers')).status).toBe(204);
    expect(await statuses(1)).toEqual([201]);
  });

  it("a request's own Prefer wins over the queue, and the journal says so", async () => {
    await admin('POST', '/answers', { code: 500, times: 1 });
    expect((await create({ ...AUTH, prefer: 'code=422, example=insecure-url' })).status).toBe(422);
    const [entry] = mock.requests({ limit: 1 });
    expect(entry).toMatchObject({
      reason: 'preference',
      note: "the request's own preferences won over a queued answer",
    });
    expect(await statuses(1)).toEqual([500]);
  });

  it('an invalid request gets its own error first, unless the answer says "force": true', async () => {
    await admin('POST', '/answers', { code: 500, times: 1 });
    expect((await create(AUTH, { url: 'http://a' })).status).toBe(422); // the 500 waits for a valid request
    expect(await statuses(1)).toEqual([500]);
    await admin('POST', '/answers', [{ code: 201, example: 'many-events', times: 1, force: true }]);
    expect(await create(AUTH, { url: 'http://a' })).toMatchObject({
      status: 201,
      body: { eventNames: expect.arrayContaining(['INSTANCE_CREATION']) as unknown },
    });
    expect((await create(AUTH, { url: 'http://a' })).status).toBe(422);
  });

  it('"rate" answers that fraction of requests, the same way for the same --seed', async () => {
    const run = async () => {
      const seeded = await startMock({ port: 0, watch: false, logLevel: 'silent', seed: 'rate-seed' });
      try {
        seeded.answerNext({ code: 500, rate: 0.5 });
        const seen: number[] = [];
        for (let i = 0; i < 12; i++)
          seen.push(
            (
              await send(seeded.url, {
                headers: { authorization: 'Bearer x', 'content-type': 'application/json' },
                body: VALID_BODY,
              })
            ).status,
          );
        return seen;
      } finally {
        await seeded.close();
      }
    };
    const [first, second] = [await run(), await run()];
    expect(first).toEqual(second);
    expect(new Set(first)).toEqual(new Set([201, 500]));
  });

  it.each([
    [
      'an undocumented code',
      '/answers',
      { code: 418 },
      404,
      'no response with code=418 is documented for POST /webhooks; documented: 201, 400, 401, 403, 422, 500',
    ],
    [
      'an undocumented example',
      '/answers',
      { code: 422, example: 'nope' },
      404,
      'no example named "nope" for POST /webhooks 422; documented: missing-url, invalid-url, insecure-url, empty-event-names, unknown-event-name',
    ],
    [
      'an unknown operation',
      '/answers',
      { operation: 'delete-webhook' },
      404,
      'no operation "delete-webhook"; the spec has create-webhook (POST /webhooks)',
    ],
    ['an unknown field', '/answers', { cod: 500 }, 422, 'unknown field "cod"'],
    ['a negative delay', '/answers', { delay: -5 }, 422, 'delay must be whole milliseconds from 0 to 60000, not -5'],
    ['not JSON', '/answers', '{"code":', 400, 'the body is not JSON'],
    ['a "__proto__" key', '/answers', '[{"__proto__": 201}]', 422, 'unknown field "__proto__"'],
    ['an unknown route', '/nothing', {}, 404, 'no control route /__mock/nothing'],
  ])('%s is refused with a problem naming what is wrong', async (_what, path, body, status, detail) => {
    const reply = await admin('POST', path, body);
    expect(reply).toMatchObject({ status, headers: { 'content-type': 'application/problem+json' }, body: { status } });
    expect((reply.body as { detail: string }).detail).toContain(detail);
    expect(await statuses(1)).toEqual([201]);
  });

  it('another method on a route is 405 with Allow', async () => {
    expect(await admin('PUT', '/answers', {})).toMatchObject({ status: 405, headers: { allow: 'GET, POST, DELETE' } });
  });
});

describe('the request journal', () => {
  it('records each request with its answer and why, newest last, credentials masked', async () => {
    await admin('POST', '/answers', { code: 500, times: 1 });
    await create();
    await create(AUTH, { url: 'http://a' });
    await create({ ...AUTH, cookie: 'session=s3cret' });
    const entries = ((await admin('GET', '/requests')).body as { requests: Record<string, unknown>[] }).requests;
    expect(entries.map((e) => [e.reason, (e.answer as { status: number }).status])).toEqual([
      ['queued answer', 500],
      ['real error', 422],
      ['reflected', 201],
    ]);
    expect(entries[1]).toMatchObject({
      operation: 'POST /webhooks',
      body: { url: 'http://a' },
      violations: [
        { location: 'body', message: 'expected required property eventNames to be present' },
        { location: 'body.url' },
      ],
    });
    expect(JSON.stringify(entries)).not.toMatch(/good|s3cret/);
    expect(entries[0]!.headers).toMatchObject({ authorization: 'Bearer ***' });
    expect(entries[2]!.headers).toMatchObject({ cookie: '***' });
  });

  it('is bounded (journalSize), filtered by status, operation, since and limit, and cleared', async () => {
    for (let i = 0; i < 7; i++) await create(i % 2 === 0 ? AUTH : { 'content-type': 'application/json' });
    const all = mock.requests();
    expect(all).toHaveLength(5);
    expect(mock.requests({ status: 401 }).every((e) => e.answer.status === 401)).toBe(true);
    expect(mock.requests({ since: all[3]!.id }).map((e) => e.id)).toEqual([all[4]!.id]);
    expect(mock.requests({ limit: 2, operation: 'POST /webhooks' })).toHaveLength(2);
    expect((await admin('GET', '/requests?limit=x')).status).toBe(400);
    expect((await admin('DELETE', '/requests')).status).toBe(204);
    expect(mock.requests()).toEqual([]);
  });

  it('masks API keys the spec names (header and query), and keeps nothing with journalSize 0', async () => {
    const notes = join(__dirname, '..', 'fixtures', 'notes.yaml');
    const keyed = await startMock({ spec: notes, port: 0, watch: false, logLevel: 'silent' });
    const none = await startMock({ port: 0, watch: false, logLevel: 'silent', journalSize: 0 });
    try {
      await send(keyed.url, {
        path: '/notes?x-api-key=q-secret',
        headers: { 'x-api-key': 'h-secret', 'content-type': 'application/json' },
        body: { text: 'hi' },
      });
      const [entry] = keyed.requests();
      expect(entry!.headers['x-api-key']).toBe('***');
      expect(JSON.stringify(entry)).not.toMatch(/h-secret/);
      await send(none.url, { headers: AUTH, body: VALID_BODY });
      expect(none.requests()).toEqual([]);
    } finally {
      await keyed.close();
      await none.close();
    }
  });
});

describe('from code', () => {
  it('answerNext stages, requests reads, reset clears both; an undocumented answer throws', async () => {
    mock.answerNext({ code: 401, example: 'missing-token', times: 1 });
    expect(await statuses(2)).toEqual([401, 201]);
    expect(mock.requests().map((e) => e.reason)).toEqual(['queued answer', 'reflected']);
    expect(() => mock.answerNext({ code: 418 })).toThrow('no response with code=418');
    mock.answerNext({ code: 500 });
    mock.reset();
    expect(mock.requests()).toEqual([]);
    expect(await statuses(1)).toEqual([201]);
  });
});

describe('secure by default', () => {
  it('beyond loopback the control surface is off without --admin-token, and needs the bearer token with it', async () => {
    const open = await startMock({ host: '0.0.0.0', port: 0, watch: false, logLevel: 'silent' });
    const guarded = await startMock({ host: '0.0.0.0', port: 0, watch: false, logLevel: 'silent', adminToken: 'adm' });
    try {
      expect(open.controlAccess).toBe(
        'control surface off: the mock listens on 0.0.0.0, beyond loopback: start it with --admin-token T to use it',
      );
      expect((await send(`http://127.0.0.1:${open.port}`, { method: 'GET', path: '/__mock/requests' })).status).toBe(
        404,
      );
      const base = `http://127.0.0.1:${guarded.port}`;
      expect((await send(base, { method: 'GET', path: '/__mock/requests' })).status).toBe(401);
      expect(
        (await send(base, { method: 'GET', path: '/__mock/requests', headers: { authorization: 'Bearer adm' } }))
          .status,
      ).toBe(200);
    } finally {
      await open.close();
      await guarded.close();
    }
  });

  it('a spec with a path under /__mock is refused at start', async () => {
    const document = await copySpec();
    at(document, 'paths')['/__mock/things'] = at(document, 'paths', '/webhooks');
    const spec = writeSpecs({ reserved: document }).reserved!;
    await expect(startMock({ spec, port: 0, watch: false, logLevel: 'silent' })).rejects.toThrow(SpecError);
    await expect(startMock({ spec, port: 0, watch: false, logLevel: 'silent' })).rejects.toThrow(
      'its path /__mock/things is under /__mock',
    );
  });
});

describe('--answers FILE', () => {
  const run = (...args: string[]) => {
    const output = { out: '', err: '' };
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const running = runCli(
      ['mock', '--port', '0', '--no-watch', ...args],
      { out: (t) => (output.out += t), err: (t) => (output.err += t) },
      stopped,
    );
    return { output, stop, running };
  };

  it('stages a YAML list at start-up', async () => {
    const file = join(folder, 'answers.yaml');
    writeFileSync(file, '- operation: create-webhook\n  code: 500\n  times: 1\n');
    const { output, stop, running } = run('--answers', file);
    for (let waited = 0; !/^listening on /m.test(output.out) && waited < 10_000; waited += 25)
      await new Promise((resolve) => setTimeout(resolve, 25));
    const url = /^listening on (\S+)$/m.exec(output.out)![1]!;
    expect(output.out).toContain('control surface on /__mock (loopback clients only)');
    const seen = [];
    for (let i = 0; i < 2; i++) seen.push((await send(url, { headers: AUTH, body: VALID_BODY })).status);
    expect(seen).toEqual([500, 201]);
    stop();
    expect(await running).toBe(EXIT.ok);
  });

  it.each([
    ['not YAML', '- code: [', 'cannot use the answers file'],
    ['an unknown field', '- kode: 500\n', 'answer 1: unknown field "kode"'],
    ['an undocumented code', '- code: 418\n', 'no response with code=418'],
  ])('%s: one clear line and exit 2', async (_what, text, message) => {
    const file = join(folder, `bad-${message.length}.yaml`);
    writeFileSync(file, text);
    const { output, running } = run('--answers', file);
    expect(await running).toBe(EXIT.unusable);
    expect(output.err).toContain(message);
    expect(output.err.trim().split('\n')).toHaveLength(1);
  });

  it('is refused with --workers, which would split the staged answers', async () => {
    const { output, running } = run('--workers', '2', '--answers', join(folder, 'answers.yaml'));
    expect(await running).toBe(EXIT.unusable);
    expect(output.err).toContain('--answers needs a single worker');
  });
});

describe('no other site can drive it', () => {
  it('answers without CORS headers, refuses a preflight, and stages only application/json', async () => {
    const fromPage = await send(mock.url, {
      method: 'POST',
      path: '/__mock/answers',
      headers: { origin: 'https://evil.example', 'content-type': 'text/plain' },
      body: '{"code":500}',
    });
    expect(fromPage.status).toBe(415);
    expect(fromPage.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await send(mock.url, {
      method: 'OPTIONS',
      path: '/__mock/answers',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(405);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(await statuses(1)).toEqual([201]);
  });
});

describe('network faults', () => {
  /** What a client sees: an answer's status, or the error that ended the exchange (after headers, for a stall). */
  const attempt = (base: string) =>
    new Promise<string>((resolve) => {
      const req = request(`${base}/webhooks`, { method: 'POST', headers: AUTH }, (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve(`answered ${res.statusCode}`));
        res.on('error', (error: NodeJS.ErrnoException) =>
          resolve(`headers ${res.statusCode}, then ${error.code ?? error.message}`),
        );
      });
      req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      req.end(JSON.stringify(VALID_BODY));
    });

  it.each([
    ['reset', 'ECONNRESET'],
    ['empty', 'ECONNRESET'],
    ['malformed', 'HPE_INVALID_STATUS'],
    ['stall', 'headers 201, then ECONNRESET'], // the documented answer's status, then nothing
  ])('"fault": "%s" breaks the connection (%s), once, and the journal says so', async (fault, seen) => {
    const quick = await startMock({ port: 0, watch: false, logLevel: 'silent', stallLimit: 200 });
    try {
      quick.answerNext({ fault: fault as 'reset', times: 1 });
      expect(await attempt(quick.url)).toBe(seen);
      expect(await attempt(quick.url)).toBe('answered 201');
      expect(quick.requests().map((e) => [e.reason, e.note, e.answer.status])).toEqual([
        ['fault', `queued answer #1: ${fault}`, 0],
        ['reflected', undefined, 201],
      ]);
    } finally {
      await quick.close();
    }
  });

  it('a fault is an answer of its own: not with a code', async () => {
    expect(await admin('POST', '/answers', { fault: 'reset', code: 500 })).toMatchObject({
      status: 422,
      body: { detail: 'answer 1: a fault is an answer of its own: leave out code, example and dynamic' },
    });
  });
});

describe('the live journal', () => {
  it('GET /__mock/requests/stream sends each new entry as a server-sent event', async () => {
    const events: unknown[] = [];
    const opened = new Promise<() => void>((resolve) => {
      const req = request(`${mock.url}/__mock/requests/stream`, (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream');
        let buffer = '';
        res.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          for (const [, data] of buffer.matchAll(/^data: (.*)$/gm)) events.push(JSON.parse(data!));
          buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2);
        });
        resolve(() => req.destroy());
      });
      req.end();
    });
    const close = await opened;
    await create();
    for (let waited = 0; events.length === 0 && waited < 5000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    close();
    expect(events).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/webhooks',
        reason: 'reflected',
        answer: expect.objectContaining({ status: 201 }) as unknown,
      }),
    ]);
  });
});
