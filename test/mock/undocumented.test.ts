// An operation answers only what it documents: a fault whose status it does not document moves to
// the nearest documented one, and an answer that still breaks the spec is logged loudly.
import { startMock, type RunningMock } from '../../src/mock/start';
import { send } from '../support/http';
import { at, specWithGetOperation, writeSpecs } from '../support/spec-copies';

const ID = '0b4ac7a4-3f2e-4c43-9d55-4f7a1c0e6b21';
const lines: string[] = [];
let mock: RunningMock;
let bare: RunningMock;

beforeAll(async () => {
  // GET /webhooks/{id} documents 200, 401 and 404: no 403, no 422.
  const withGet = await specWithGetOperation();
  // The same operation documenting nothing but 200: no error status is near.
  const onlyOk = await specWithGetOperation();
  const responses = at(onlyOk, 'paths', '/webhooks/{id}', 'get', 'responses');
  for (const code of ['401', '404']) delete responses[code];
  const specs = writeSpecs({ withGet, onlyOk });
  const options = {
    port: 0,
    watch: false,
    tokens: ['good'],
    forbiddenTokens: ['ro'],
    logLevel: 'info' as const,
    log: (line: string) => lines.push(line),
  };
  mock = await startMock({ ...options, spec: specs.withGet! });
  bare = await startMock({ ...options, spec: specs.onlyOk! });
});

afterAll(async () => {
  await mock.close();
  await bare.close();
});

beforeEach(() => {
  lines.length = 0;
});

const get = (base: string, path: string, token?: string) =>
  send(base, { method: 'GET', path, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
const brokeTheSpec = () => lines.filter((line) => line.includes('answer breaks the spec'));

it('a token without the scope gets 401, not the undocumented 403, and the detail says why', async () => {
  const reply = await get(mock.url, `/webhooks/${ID}`, 'ro');
  expect(reply.status).toBe(401);
  expect(reply.body).toEqual({
    title: 'Unauthorized',
    status: 401,
    detail: 'missing scope: read:webhooks (answered 401: GET /webhooks/{id} documents no 403)',
  });
  expect(brokeTheSpec()).toEqual([]);
});

it('an invalid path parameter gets 404, not the undocumented 422, and its violation carries the value sent', async () => {
  const reply = await get(mock.url, '/webhooks/not-a-uuid', 'good');
  expect(reply.status).toBe(404);
  expect(reply.body).toMatchObject({
    status: 404,
    detail: 'validation failed (answered 404: GET /webhooks/{id} documents no 422)',
    errors: [{ location: 'path.id', value: 'not-a-uuid' }],
  });
  expect(brokeTheSpec()).toEqual([]);
});

it('a documented fault keeps its status (401 without a token; 403 and 422 where POST documents them)', async () => {
  expect((await get(mock.url, `/webhooks/${ID}`)).status).toBe(401);
  expect(
    (await send(mock.url, { headers: { authorization: 'Bearer ro', 'content-type': 'application/json' }, body: {} }))
      .status,
  ).toBe(403);
  expect(
    (await send(mock.url, { headers: { authorization: 'Bearer good', 'content-type': 'application/json' }, body: {} }))
      .status,
  ).toBe(422);
  expect(brokeTheSpec()).toEqual([]);
});

it('with no documented status near, the natural answer is sent and logged as breaking the spec', async () => {
  const reply = await get(bare.url, `/webhooks/${ID}`);
  expect(reply.status).toBe(401);
  await new Promise((resolve) => setImmediate(resolve));
  expect(brokeTheSpec()).toEqual([
    '  answer breaks the spec: status 401 is not documented for GET /webhooks/{id} (documented: 200)',
  ]);
});

it('answers outside the operation (415) and refused preferences are not logged as breaking it', async () => {
  const wrongType = await send(mock.url, {
    headers: { authorization: 'Bearer good', 'content-type': 'text/plain' },
    body: 'hello',
  });
  expect(wrongType.status).toBe(415);
  const refused = await send(bare.url, {
    method: 'GET',
    path: `/webhooks/${ID}?__code=500`,
    headers: { authorization: 'Bearer good' },
  });
  expect(refused).toMatchObject({
    status: 404,
    body: { detail: 'no response with code=500 is documented for this operation; documented: 200' },
  });
  await new Promise((resolve) => setImmediate(resolve));
  expect(brokeTheSpec()).toEqual([]);
});
