// Hostile input gets problem+json or a clean close: never a crash, a hang, a stack trace or an unasked-for 5xx.
import { loadSpec } from '../../src/spec/load';
import { type SpecDocument } from '../../src/spec/document';
import { offSpec } from '../support/conformance';
import { JSON_HEADERS, send, VALID_BODY } from '../support/http';
import { useMock } from '../support/mock';
import { parseRaw, sendRaw } from '../support/raw';
import { SPEC_PATH } from '../support/spec-copies';

let document: SpecDocument;
beforeAll(async () => {
  document = (await loadSpec(SPEC_PATH)).document;
});

const RECEIVE_TIMEOUT = 400;
const mock = useMock({ receiveTimeout: RECEIVE_TIMEOUT });
const post = async (body: unknown, headers: Record<string, string> = JSON_HEADERS) => {
  const reply = await send(mock().url, { headers, body });
  expect(offSpec(document, 'POST', '/webhooks', reply)).toEqual([]);
  expect(reply.text).not.toMatch(/\bat .+\.(js|ts):\d+/); // no stack traces
  return reply;
};

afterEach(async () => {
  // Whatever a test sent, the mock still answers a normal request normally.
  expect((await send(mock().url, { body: VALID_BODY })).status).toBe(201);
});

it('random bytes as JSON: 400', async () => {
  const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
  expect((await post(bytes)).status).toBe(400);
});

it('20,000 levels of nesting: 400, refused before parsing', async () => {
  const reply = await post(`{"url":${'['.repeat(20_000)}${']'.repeat(20_000)}}`);
  expect(reply.status).toBe(400);
  expect(reply.body).toMatchObject({
    errors: [{ location: 'body', message: 'exceeded max depth of 512 nested arrays and objects' }],
  });
});

it('a 900 kB url: 422 at body.url', async () => {
  const reply = await post({ url: `https://a.example.com/${'x'.repeat(900_000)}`, eventNames: ['CUSTOMER_CREATION'] });
  expect(reply.status).toBe(422);
  expect((reply.body as { errors: { location: string }[] }).errors.map((e) => e.location)).toEqual(['body.url']);
});

it('__proto__ and constructor keys: 422 unexpected property, and nothing polluted', async () => {
  const reply = await post(
    '{"url":"https://a.example.com","eventNames":["CUSTOMER_CREATION"],"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}',
  );
  expect(reply.status).toBe(422);
  expect((reply.body as { errors: { location: string }[] }).errors.map((e) => e.location).sort()).toEqual([
    'body.__proto__',
    'body.constructor',
  ]);
  expect(({} as { admin?: boolean }).admin).toBeUndefined();
});

it('bad UTF-8: 400', async () => {
  const reply = await post(
    Buffer.concat([
      Buffer.from('{"url":"https://a.example.com/'),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('","eventNames":["CUSTOMER_CREATION"]}'),
    ]),
  );
  expect(reply).toMatchObject({ status: 400, body: { errors: [{ message: 'the body is not valid UTF-8' }] } });
});

it.each([
  'code=',
  'code=2' + '0'.repeat(5000),
  'example=' + 'x'.repeat(8000),
  'dynamic=1; delay=abc',
  '\u00ff\u00fe',
  'code=201, code=422, code=999',
])('garbage Prefer %#: problem+json or ignored', async (prefer) => {
  const reply = await post(VALID_BODY, { ...JSON_HEADERS, prefer: Buffer.from(prefer, 'latin1').toString('latin1') });
  expect([201, 400, 404, 422]).toContain(reply.status);
});

it('a body that stalls: 408 problem+json and a close', async () => {
  const raw = await sendRaw(
    mock().url,
    [
      'POST /webhooks HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"url":',
    ],
    RECEIVE_TIMEOUT * 10,
  );
  expect(raw.closed).toBe(true);
  expect(parseRaw(raw.text)).toMatchObject({
    status: 408,
    contentType: 'application/problem+json',
    body: { status: 408 },
  });
});

it('headers that stall: problem+json or a clean close, never a hang', async () => {
  const raw = await sendRaw(mock().url, ['POST /webhooks HTTP/1.1\r\nHost: x\r\nAuthor'], RECEIVE_TIMEOUT * 10);
  expect(raw.closed).toBe(true);
  if (raw.text !== '')
    expect(parseRaw(raw.text)).toMatchObject({
      status: 408,
      contentType: 'application/problem+json',
      body: { status: 408 },
    });
});

it('bytes that are not HTTP: 400 problem+json and a close', async () => {
  const raw = await sendRaw(
    mock().url,
    [Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03, 0x0d, 0x0a, 0x0d, 0x0a])],
    3000,
  );
  expect(raw.closed).toBe(true);
  expect(parseRaw(raw.text)).toMatchObject({
    status: 400,
    contentType: 'application/problem+json',
    body: { status: 400 },
  });
});

it('headers over 16 kB: 431 problem+json', async () => {
  const raw = await sendRaw(
    mock().url,
    [`GET /webhooks HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`],
    3000,
  );
  expect(parseRaw(raw.text)).toMatchObject({
    status: 431,
    contentType: 'application/problem+json',
    body: { status: 431 },
  });
});

it('a request target that is not a URL: 400 or 404 problem+json', async () => {
  const raw = await sendRaw(mock().url, ['POST http://[::1 HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n'], 3000);
  const { status, contentType } = parseRaw(raw.text);
  expect([400, 404]).toContain(status);
  expect(contentType).toBe('application/problem+json');
});

it('an HTTP/1.1 request without Host: 400 problem+json (RFC 9112), then close; HTTP/1.0 needs none', async () => {
  const hostless = parseRaw((await sendRaw(mock().url, ['GET /webhooks HTTP/1.1\r\n\r\n'], 3000)).text);
  expect(hostless).toMatchObject({
    status: 400,
    contentType: 'application/problem+json',
    body: { status: 400, detail: 'an HTTP/1.1 request without a Host header' },
  });
  const old = parseRaw((await sendRaw(mock().url, ['GET /webhooks HTTP/1.0\r\n\r\n'], 3000)).text);
  expect(old.status).toBe(405);
});
