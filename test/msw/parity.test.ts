// The MSW handlers and the HTTP mock are two faces of one pipeline: one table of requests, sent to
// both with the same options and seed, must get the same status, content type, headers that carry
// meaning and body (ids and times included: the seed makes them equal).
import { setupServer } from 'msw/node';
import { createHandlers } from '../../src/msw';
import { startMock, type RunningMock } from '../../src/mock/start';
import { listExamples } from '../../src/spec/examples';
import { loadSpec } from '../../src/spec/load';
import { SPEC_PATH } from '../support/spec-copies';

const OPTIONS = { seed: 'parity', tokens: ['good', 'scoped-out'], forbiddenTokens: ['scoped-out'], bodyLimit: 4096 };
const BASE = 'https://kaiten.test/api/latest';
const VALID = { url: 'https://hooks.example.com/kaiten', eventNames: ['CUSTOMER_CREATION'] };
const JSON_TYPE = { 'content-type': 'application/json' };
const AUTH = { ...JSON_TYPE, authorization: 'Bearer good' };

interface Row {
  name: string;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

const json = (value: unknown) => JSON.stringify(value);
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

const ROWS: Row[] = [
  { name: 'valid', body: json(VALID) },
  {
    name: 'valid, many events',
    body: json({ ...VALID, eventNames: ['CUSTOMER_CREATION', 'RELEASE_CREATION', 'FEATURE_FLAG_DELETION'] }),
  },
  { name: 'no url', body: json({ eventNames: VALID.eventNames }) },
  { name: 'no eventNames', body: json({ url: VALID.url }) },
  { name: 'empty object', body: '{}' },
  { name: 'http url', body: json({ ...VALID, url: 'http://hooks.example.com/kaiten' }) },
  { name: 'relative url', body: json({ ...VALID, url: '/kaiten' }) },
  { name: 'url too long', body: json({ ...VALID, url: `https://hooks.example.com/${'a'.repeat(2100)}` }) },
  { name: 'url not a string', body: json({ ...VALID, url: 42 }) },
  { name: 'no events', body: json({ ...VALID, eventNames: [] }) },
  { name: 'duplicate events', body: json({ ...VALID, eventNames: ['CUSTOMER_CREATION', 'CUSTOMER_CREATION'] }) },
  { name: 'unknown event', body: json({ ...VALID, eventNames: ['CUSTOMER_CREATED'] }) },
  { name: 'extra field', body: json({ ...VALID, secret: 's3cr3t' }) },
  { name: 'several violations', body: json({ url: 'ftp://x', eventNames: ['NOPE', 'NOPE'], extra: true }) },
  { name: 'an array body', body: '[]' },
  { name: 'malformed JSON', body: '{"url": ' },
  { name: 'missing body' },
  { name: 'blank body', body: '   ' },
  { name: 'not UTF-8', body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) },
  { name: 'nested too deep', body: nested(600) },
  { name: 'text/plain', headers: { ...AUTH, 'content-type': 'text/plain' }, body: json(VALID) },
  {
    name: 'text/plain by default (fetch with a string body)',
    headers: { authorization: 'Bearer good' },
    body: json(VALID),
  },
  {
    name: 'no Content-Type (bytes)',
    headers: { authorization: 'Bearer good' },
    body: new TextEncoder().encode(json(VALID)),
  },
  { name: 'body over the limit', body: json({ ...VALID, url: `https://hooks.example.com/${'a'.repeat(5000)}` }) },
  { name: 'no token', headers: JSON_TYPE, body: json(VALID) },
  { name: 'not Bearer', headers: { ...JSON_TYPE, authorization: 'Basic Z29vZDo=' }, body: json(VALID) },
  { name: 'empty token', headers: { ...JSON_TYPE, authorization: 'Bearer ' }, body: json(VALID) },
  { name: 'unknown token', headers: { ...JSON_TYPE, authorization: 'Bearer stranger' }, body: json(VALID) },
  { name: 'forbidden token', headers: { ...JSON_TYPE, authorization: 'Bearer scoped-out' }, body: json(VALID) },
  { name: 'no token and invalid body', headers: JSON_TYPE, body: '{}' },
  { name: 'method not allowed', method: 'GET' },
  { name: 'DELETE not allowed', method: 'DELETE', body: json(VALID) },
  { name: 'Prefer: dynamic=true', headers: { ...AUTH, prefer: 'dynamic=true' }, body: json(VALID) },
  { name: 'Prefer: code=999 (undocumented)', headers: { ...AUTH, prefer: 'code=999' }, body: json(VALID) },
  { name: 'Prefer: example=nope', headers: { ...AUTH, prefer: 'example=nope' }, body: json(VALID) },
  { name: 'Prefer: garbage', headers: { ...AUTH, prefer: 'code=' }, body: json(VALID) },
  { name: 'Prefer: delay=5', headers: { ...AUTH, prefer: 'delay=5' }, body: json(VALID) },
  { name: 'Prefer: code=500 on an invalid body', headers: { ...AUTH, prefer: 'code=500' }, body: '{}' },
  { name: '__code=401 query', path: '/webhooks?__code=401', body: json(VALID) },
  { name: '__dynamic query for a 422', path: '/webhooks?__code=422&__dynamic=true', body: json(VALID) },
];

/** A row for every documented status and named example, from the spec. */
async function preferenceRows(): Promise<Row[]> {
  const { document } = await loadSpec(SPEC_PATH);
  const examples = listExamples(document).filter((example) => example.status !== 'request');
  const codes = [...new Set(examples.map((example) => example.status))];
  return [
    ...codes.map((code) => ({
      name: `Prefer: code=${code}`,
      headers: { ...AUTH, prefer: `code=${code}` },
      body: json(VALID),
    })),
    ...examples.map((example) => ({
      name: `Prefer: example=${example.name}`,
      headers: { ...AUTH, prefer: `code=${example.status}, example=${example.name}` },
      body: json(VALID),
    })),
  ];
}

const MEANINGFUL_HEADERS = ['content-type', 'preference-applied', 'allow', 'www-authenticate'];

async function answerOf(response: Response) {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: compared as text
  }
  return {
    status: response.status,
    headers: Object.fromEntries(
      MEANINGFUL_HEADERS.flatMap((name) => (response.headers.has(name) ? [[name, response.headers.get(name)]] : [])),
    ),
    body,
  };
}

const send = (base: string, row: Row) =>
  fetch(`${base}${row.path ?? '/webhooks'}`, {
    method: row.method ?? 'POST',
    headers: row.headers ?? AUTH,
    ...(row.body === undefined ? {} : { body: row.body }),
  }).then(answerOf);

let mock: RunningMock;
afterAll(() => mock?.close());

test('the MSW handlers answer every row exactly as the HTTP mock does', async () => {
  const rows = [...ROWS, ...(await preferenceRows())];
  mock = await startMock({ ...OPTIONS, port: 0, logLevel: 'silent', watch: false });
  const overHttp = [];
  for (const row of rows) overHttp.push({ row: row.name, ...(await send(mock.url, row)) });

  const kaiten = createHandlers({ ...OPTIONS, baseUrl: BASE });
  const server = setupServer(...kaiten.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  const inProcess = [];
  try {
    for (const row of rows) inProcess.push({ row: row.name, ...(await send(BASE, row)) });
  } finally {
    server.close();
  }

  expect(inProcess).toEqual(overHttp);
  // The table is worth something only if it reaches every documented status and the errors before them.
  expect(new Set(overHttp.map((answer) => answer.status))).toEqual(
    new Set([201, 400, 401, 403, 404, 405, 413, 415, 422, 500]),
  );
  // Both journals saw the same requests, for the same reasons.
  const reasons = (entries: { reason: string; answer: { status: number } }[]) =>
    entries.map((entry) => `${entry.answer.status} ${entry.reason}`);
  expect(reasons(kaiten.requests({ limit: 1000 }))).toEqual(reasons(mock.requests({ limit: 1000 })));
}, 60_000);
