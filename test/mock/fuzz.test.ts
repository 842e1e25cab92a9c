// A bounded, seeded fuzz run: hundreds of valid, invalid and hostile requests, each answer held
// to the spec (or to problem+json when outside it); no 5xx unless one was asked for.
import { loadSpec } from '../../src/spec/load';
import { type SpecDocument } from '../../src/spec/document';
import { offSpec } from '../support/conformance';
import { send, TOKEN, VALID_BODY, type Reply } from '../support/http';
import { useMock } from '../support/mock';
import { SPEC_PATH } from '../support/spec-copies';

const REQUESTS = 400;
const SEED = 20261127;

/** mulberry32: a tiny seeded PRNG, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick };
}

type Rng = ReturnType<typeof random>;

const STRINGS = [
  '',
  ' ',
  'https://a.example.com',
  'http://a.example.com',
  'https://',
  'ftp://x',
  'CUSTOMER_CREATION',
  '💥',
  '\u0000',
  '\ud800',
  'a'.repeat(3000),
  '<script>',
  '${jndi:x}',
  '__proto__',
];

function value(rng: Rng, depth = 0): unknown {
  const kind = rng.pick(
    depth > 3 ? ['string', 'number', 'bool', 'null'] : ['string', 'number', 'bool', 'null', 'array', 'object'],
  );
  switch (kind) {
    case 'string':
      return rng.pick(STRINGS);
    case 'number':
      return rng.pick([0, -1, 1.5, 1e308, Number.MAX_SAFE_INTEGER]);
    case 'bool':
      return rng.next() < 0.5;
    case 'null':
      return null;
    case 'array':
      return Array.from({ length: Math.floor(rng.next() * 4) }, () => value(rng, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: Math.floor(rng.next() * 4) }, () => [
          rng.pick(['url', 'eventNames', 'x', '__proto__', 'constructor', '']),
          value(rng, depth + 1),
        ]),
      );
  }
}

function body(rng: Rng): unknown {
  const mutated: Record<string, unknown> = { ...VALID_BODY };
  switch (rng.pick(['valid', 'field', 'drop', 'extra', 'whole', 'text', 'bytes', 'events'])) {
    case 'valid':
      return mutated;
    case 'field':
      mutated[rng.pick(['url', 'eventNames'])] = value(rng);
      return mutated;
    case 'drop':
      delete mutated[rng.pick(['url', 'eventNames'])];
      return mutated;
    case 'extra':
      mutated[rng.pick(['id', 'secret', 'createdAt', '__proto__'])] = value(rng);
      return mutated;
    case 'events':
      mutated.eventNames = Array.from({ length: Math.floor(rng.next() * 30) }, () =>
        rng.pick(['CUSTOMER_CREATION', 'RELEASE_DELETION', 'FEATURE_FLAG_UPDATE', 'NOPE', 'customer_creation']),
      );
      return mutated;
    case 'whole':
      return value(rng);
    case 'text':
      return rng.pick([
        '',
        '{',
        '{"url":',
        'null',
        '[]',
        '"x"',
        '{"url":"https://a.example.com","eventNames":["CUSTOMER_CREATION"]',
        '\u0000\u0001',
      ]);
    default:
      return Buffer.from(Array.from({ length: 64 }, () => Math.floor(rng.next() * 256)));
  }
}

function headers(rng: Rng): Record<string, string> {
  const result: Record<string, string> = {};
  const auth = rng.pick([
    `Bearer ${TOKEN}`,
    `Bearer ${TOKEN}`,
    `Bearer ${TOKEN}`,
    'Bearer forbidden',
    '',
    'Basic x',
    'Bearer',
    'bearer  x y',
    undefined,
  ]);
  if (auth !== undefined) result.authorization = auth;
  const type = rng.pick([
    'application/json',
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    'application/xml',
    undefined,
  ]);
  if (type !== undefined) result['content-type'] = type;
  const prefer = rng.pick([
    undefined,
    undefined,
    'code=422',
    'code=201',
    'code=403, example=missing-scope',
    'example=nope',
    'code=abc',
    'dynamic=true',
    'code=400, dynamic=true',
    'delay=0',
  ]);
  if (prefer !== undefined) result.prefer = prefer;
  if (rng.next() < 0.2) result.origin = 'http://localhost:3000';
  return result;
}

const PATHS = [
  '/webhooks',
  '/webhooks',
  '/webhooks',
  '/webhooks?__code=401',
  '/webhooks/',
  '/Webhooks',
  '/',
  '/webhooks/%ZZ',
  '/../etc/passwd',
  '/webhooks?__dynamic=maybe',
];
const METHODS = ['POST', 'POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'];

let document: SpecDocument;
beforeAll(async () => {
  document = (await loadSpec(SPEC_PATH)).document;
});

const mock = useMock({ forbiddenTokens: ['forbidden'] });

it(`${REQUESTS} seeded random requests (seed ${SEED}) all get answers that hold to the spec`, async () => {
  const rng = random(SEED);
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  for (let i = 0; i < REQUESTS; i++) {
    const request = { method: rng.pick(METHODS), path: rng.pick(PATHS), headers: headers(rng), body: body(rng) };
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    let reply: Reply;
    try {
      reply = await send(mock().url, { ...request, body: hasBody ? request.body : undefined });
    } catch (error) {
      failures.push(`#${i} ${request.method} ${request.path}: no answer (${(error as Error).message})`);
      continue;
    }
    statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
    const askedFor5xx = /code=5|__code=5/.test(`${request.headers.prefer ?? ''} ${request.path}`);
    const problems =
      request.method === 'HEAD' || reply.status === 204
        ? []
        : offSpec(document, request.method, request.path.split('?')[0]!, reply);
    if (reply.status >= 500 && !askedFor5xx) problems.push(`unasked-for ${reply.status}`);
    if (problems.length > 0)
      failures.push(
        `#${i} ${request.method} ${request.path} ${JSON.stringify(request.headers)} → ${reply.status}: ${problems.join('; ')}`,
      );
  }
  expect(failures).toEqual([]);
  // The run reached every kind of answer, so it tested something.
  for (const status of [201, 400, 401, 403, 404, 405, 415, 422]) expect(statuses.get(status) ?? 0).toBeGreaterThan(0);
});

it('the control surface (/__mock) survives a seeded hostile run: every error is problem+json with its own status, never a 5xx', async () => {
  const rng = random(SEED + 1);
  const fields = [
    'operation',
    'code',
    'example',
    'dynamic',
    'delay',
    'times',
    'rate',
    'force',
    'fault',
    'x',
    '__proto__',
  ];
  const answer = () =>
    Object.fromEntries(
      Array.from({ length: Math.floor(rng.next() * 4) }, () => [
        rng.pick(fields),
        rng.pick([value(rng), 500, 201, 'reset', 'stall', 'create-webhook', -5, 1e9, 0.5]),
      ]),
    );
  const paths = [
    '/__mock/answers',
    '/__mock/answers',
    '/__mock/requests',
    '/__mock/requests?limit=x',
    '/__mock/requests?status=201&limit=2',
    '/__mock/operations',
    '/__mock/nope',
    '/__mock',
    '/__mock/requests?since=-1',
  ];
  const failures: string[] = [];
  for (let i = 0; i < 200; i++) {
    const method = rng.pick(['GET', 'POST', 'POST', 'DELETE', 'PUT']);
    const path = rng.pick(paths);
    const payload = rng.pick(['one', 'list', 'value', 'text']);
    const body =
      payload === 'one'
        ? answer()
        : payload === 'list'
          ? [answer(), answer()]
          : payload === 'value'
            ? value(rng)
            : rng.pick(['{', '', 'x'.repeat(5000)]);
    const type = rng.pick(['application/json', 'application/json', 'text/plain', undefined]);
    const reply = await send(mock().url, {
      method,
      path,
      headers: type === undefined ? {} : { 'content-type': type },
      body: method === 'GET' ? undefined : body,
    });
    const problem = reply.body as { status?: unknown } | undefined;
    const wrong =
      reply.status >= 500
        ? 'a 5xx'
        : reply.status >= 400 &&
            (reply.headers['content-type'] !== 'application/problem+json' || problem?.status !== reply.status)
          ? 'not problem+json with its status'
          : undefined;
    if (wrong !== undefined)
      failures.push(`#${i} ${method} ${path} ${JSON.stringify(body).slice(0, 80)} → ${reply.status}: ${wrong}`);
  }
  expect(failures).toEqual([]);
  await send(mock().url, { method: 'DELETE', path: '/__mock/answers' });
  expect((await send(mock().url, { body: VALID_BODY })).status).toBe(201);
});
