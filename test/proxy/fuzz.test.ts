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
  path: fc.constantFrom(
    '/webhooks',
    '/webhooks',
    '/webhooks/1',
    '/nope',
    '/webhooks?x=1&x=2',
    '/%zz',
    '/webhooks/../webhooks',
  ),
  authorization: fc.constantFrom('Bearer fuzz', 'Bearer fuzz', 'Bearer ', 'Basic Zm9vOmJhcg==', undefined),
  contentType: fc.constantFrom(
    'application/json',
    'application/json',
    'text/plain',
    'application/merge-patch+json',
    undefined,
  ),
  body: fc.oneof(
    fc.record(
      {
        url: fc.oneof(fc.webUrl(), fc.string()),
        eventNames: fc.array(fc.constantFrom('CUSTOMER_CREATION', 'RELEASE_CREATION', 'NOPE'), { maxLength: 4 }),
      },
      { requiredKeys: [] },
    ),
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
    const through = await send(proxy.url, {
      method: r.method,
      path: r.path,
      headers,
      ...(body === undefined || r.method === 'GET' ? {} : { body }),
    });
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
])(
  'malformed HTTP (%s) is answered by the proxy with its own problem+json, and the proxy lives on',
  async (_name, chunks, status) => {
    const reply = parseRaw((await sendRaw(proxy.url, chunks, 2000)).text);
    expect(reply).toMatchObject({ status, contentType: 'application/problem+json', body: { status } });
    expect(
      (
        await send(proxy.url, {
          headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
          body: { url: 'https://a.example.com/k', eventNames: ['CUSTOMER_CREATION'] },
        })
      ).status,
    ).toBe(201);
  },
);

// Bytes, not requests: valid requests with bytes replaced, inserted and dropped, sent in random
// pieces: whatever Node's parser makes of them, the proxy answers or refuses, and never fails itself.
const VALID_RAW =
  'POST /webhooks HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer fuzz\r\nContent-Type: application/json\r\nContent-Length: 72\r\nConnection: close\r\n\r\n{"url":"https://hooks.example.com/k","eventNames":["CUSTOMER_CREATION"]}';
const CHUNKED_RAW =
  'POST /webhooks HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer fuzz\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\n{"url\r\n43\r\n":"https://hooks.example.com/k","eventNames":["CUSTOMER_CREATION"]}\r\n0\r\n\r\n';
const edit = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('replace', 'insert', 'drop'),
  byte: fc.constantFrom(0, 9, 10, 13, 32, 34, 44, 48, 58, 127, 200, 255),
});
const mangled = fc.record({
  base: fc.constantFrom(VALID_RAW, CHUNKED_RAW),
  edits: fc.array(edit, { minLength: 1, maxLength: 4 }),
  cuts: fc.array(fc.nat(), { maxLength: 3 }),
});

function mangle({
  base,
  edits,
  cuts,
}: {
  base: string;
  edits: { at: number; kind: string; byte: number }[];
  cuts: number[];
}): Buffer[] {
  let bytes = Buffer.from(base, 'latin1');
  for (const { at, kind, byte } of edits) {
    const i = at % bytes.length;
    if (kind === 'replace') bytes[i] = byte;
    else if (kind === 'insert') bytes = Buffer.concat([bytes.subarray(0, i), Buffer.from([byte]), bytes.subarray(i)]);
    else bytes = Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + 1)]);
  }
  const points = [...new Set(cuts.map((cut) => cut % bytes.length))].sort((a, b) => a - b);
  return [0, ...points]
    .map((from, i) => bytes.subarray(from, points[i] ?? bytes.length))
    .filter((piece) => piece.length > 0);
}

/** The answers in a raw reply, split by their Content-Length in bytes (the proxy's and the mock's answers carry one). */
function answersOf(text: string): string[] {
  const answers: string[] = [];
  let rest = Buffer.from(text, 'utf8');
  while (rest.subarray(0, 9).toString() === 'HTTP/1.1 ') {
    const end = rest.indexOf('\r\n\r\n') + 4;
    const length = Number(/\r\ncontent-length: (\d+)/i.exec(rest.subarray(0, end).toString())?.[1] ?? rest.length);
    answers.push(rest.subarray(0, end + length).toString());
    rest = rest.subarray(end + length);
  }
  return answers;
}

it("200 seeded mangled requests in random pieces: the proxy answers each with the upstream's answer or its own problem+json, and never fails itself", async () => {
  const faults: string[] = [];
  const own = await startProxy({
    upstream: upstream.url,
    spec: SPEC_PATH,
    port: 0,
    timeoutMs: 2000,
    log: (line) => line.startsWith('the proxy failed') && faults.push(line),
  });
  try {
    const cases = fc.sample(mangled, { seed: SEED, numRuns: 200 });
    const statuses = new Map<number, number>();
    for (let batch = 0; batch < cases.length; batch += 20) {
      const replies = await Promise.all(
        cases.slice(batch, batch + 20).map((sample) => sendRaw(own.url, mangle(sample), 1000)),
      );
      for (const reply of replies) {
        // Each answer on its own: a body that ran past its length is read as a next request, and refused as one.
        for (const answer of answersOf(reply.text)) {
          const parsed = parseRaw(answer);
          statuses.set(parsed.status, (statuses.get(parsed.status) ?? 0) + 1);
          if (parsed.contentType === 'application/problem+json')
            expect(parsed.body).toMatchObject({ status: parsed.status });
        }
        expect(reply.text === '' || reply.text.startsWith('HTTP/1.1 ')).toBe(true);
      }
    }
    expect(faults).toEqual([]);
    // The run met both kinds: answers relayed from the upstream and the proxy's own refusals.
    expect([...statuses.keys()].some((status) => status === 201 || status === 422)).toBe(true);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
    expect(
      (
        await send(own.url, {
          headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
          body: { url: 'https://a.example.com/k', eventNames: ['CUSTOMER_CREATION'] },
        })
      ).status,
    ).toBe(201);
  } finally {
    await own.close();
  }
}, 60_000);
