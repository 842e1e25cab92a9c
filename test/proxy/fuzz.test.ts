// A bounded, seeded fuzz run through the proxy to a conformant upstream (the mock): whatever the
// client sends, the proxy never crashes, passes every answer on, finds no fault with the
// upstream's answers (it has none), and answers malformed HTTP itself with problem+json.
import fc from 'fast-check';
import { startMock, type RunningMock } from '../../src/mock/start';
import { startProxy, type RunningProxy } from '../../src/proxy/start';
import { send } from '../support/http';
import { parseRaw, sendRaw } from '../support/raw';
import { SPEC_PATH } from '../support/spec-copies';

const SEED = 20261128;
const REQUESTS = 150;

const json = fc.jsonValue({ maxDepth: 3 });
const request = fc.record({
  method: fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'PATCH'),
  path: fc.constantFrom('/webhooks', '/webhooks', '/webhooks/1', '/nope', '/webhooks?x=1&x=2', '/%zz', '/webhooks/../webhooks'),
  authorization: fc.constantFrom('Bearer fuzz', 'Bearer fuzz', 'Bearer ', 'Basic Zm9vOmJhcg==', undefined),
  contentType: fc.constantFrom('application/json', 'application/json', 'text/plain', 'application/merge-patch+json', undefined),
  body: fc.oneof(
    fc.record({ url: fc.oneof(fc.webUrl(), fc.string()), eventNames: fc.array(fc.constantFrom('CUSTOMER_CREATION', 'RELEASE_CREATION', 'NOPE'), { maxLength: 4 }) }, { requiredKeys: [] }),
    json,
    fc.string({ maxLength: 200 }),
    fc.constant(undefined),
  ),
});

let upstream: RunningMock;
let proxy: RunningProxy;
beforeAll(async () => {
  upstream = await startMock({ port: 0, logLevel: 'silent', watch: false, journalSize: 0 });
  proxy = await startProxy({ upstream: upstream.url, spec: SPEC_PATH, port: 0 });
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});

it(`${REQUESTS} seeded random requests (seed ${SEED}) all pass through, and the conformant upstream is never blamed`, async () => {
  const requests = fc.sample(request, { seed: SEED, numRuns: REQUESTS });
  for (const r of requests) {
    const headers: Record<string, string> = {};
    if (r.authorization !== undefined) headers.authorization = r.authorization;
    if (r.contentType !== undefined) headers['content-type'] = r.contentType;
    const body = r.body === undefined ? undefined : typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
    const through = await send(proxy.url, { method: r.method, path: r.path, headers, ...(body === undefined || r.method === 'GET' ? {} : { body }) });
    expect(through.status).toBeGreaterThanOrEqual(200);
    expect(through.status).not.toBe(502);
  }
  const [requestsReport, answers] = proxy.reports();
  expect(requestsReport.cases).toBe(REQUESTS);
  expect(answers.failures.map((failure) => `${failure.check}: ${failure.caseId}: ${failure.message}`)).toEqual([]);
  expect(answers.errors).toEqual([]);
  // The run judged something on both sides: a fuzz run that checked nothing would prove nothing.
  expect(requestsReport.failures.length).toBeGreaterThan(0);
  expect(answers.checks.filter((check) => check.status === 'passed').length).toBeGreaterThan(5);
}, 60_000);

it.each([
  ['not HTTP at all', ['GARBAGE\r\n\r\n'], 400],
  ['a header too large', [`GET /webhooks HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`], 431],
  ['a bad Content-Length', ['POST /webhooks HTTP/1.1\r\nHost: x\r\nContent-Length: banana\r\n\r\n'], 400],
])('malformed HTTP (%s) is answered by the proxy with its own problem+json, and the proxy lives on', async (_name, chunks, status) => {
  const reply = parseRaw((await sendRaw(proxy.url, chunks, 2000)).text);
  expect(reply).toMatchObject({ status, contentType: 'application/problem+json', body: { status } });
  expect((await send(proxy.url, { headers: { 'content-type': 'application/json', authorization: 'Bearer x' }, body: { url: 'https://a.example.com/k', eventNames: ['CUSTOMER_CREATION'] } })).status).toBe(201);
});
