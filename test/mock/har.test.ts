// The journal as HAR 1.2, from the three doors (GET /__mock/requests.har, startMock()'s handle, the
// MSW handlers' handle), held to the HAR schema by har-validator (har-schema), credentials masked.
import { setupServer } from 'msw/node';
import { createHandlers } from '../../src/msw';
import { startMock, type RunningMock } from '../../src/mock/start';
import type { Har } from '../../src/engine/control/har';
import { VALID_BODY } from '../support/http';

// har-validator ships no types: its promise API resolves with the HAR or rejects naming what is wrong.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const validate = require('har-validator') as { har: (har: unknown) => Promise<unknown> };

const AUTH = { authorization: 'Bearer s3cret-token', 'content-type': 'application/json' };
let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0, logLevel: 'silent', watch: false, seed: 5 });
});
afterAll(() => mock.close());

async function traffic(base: string) {
  await fetch(`${base}/webhooks?trace=1&trace=2`, { method: 'POST', headers: AUTH, body: JSON.stringify(VALID_BODY) });
  await fetch(`${base}/webhooks`, { method: 'POST', headers: AUTH, body: '{"url":' });
  await fetch(`${base}/webhooks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
}

function expectTheTraffic(har: Har, origin: string) {
  expect(har.log.version).toBe('1.2');
  expect(har.log.creator.name).toBe('kaiten-webhooks-harness');
  const [created, malformed, anonymous] = har.log.entries;
  expect(har.log.entries).toHaveLength(3);
  expect(created!.request).toMatchObject({
    method: 'POST',
    url: `${origin}/webhooks?trace=1&trace=2`,
    queryString: [
      { name: 'trace', value: '1' },
      { name: 'trace', value: '2' },
    ],
    postData: { mimeType: 'application/json', text: JSON.stringify(VALID_BODY) },
  });
  expect(created!.request.headers).toContainEqual({ name: 'authorization', value: 'Bearer ***' });
  expect(created!.response).toMatchObject({
    status: 201,
    statusText: 'Created',
    content: { mimeType: 'application/json' },
  });
  expect(JSON.parse(created!.response.content.text!)).toMatchObject(VALID_BODY);
  expect(created!.comment).toBe('reflected');
  expect(malformed!.response.status).toBe(400);
  expect(malformed!.request.postData!.text).toBe('{"url":');
  expect(anonymous!.response).toMatchObject({ status: 401, content: { mimeType: 'application/problem+json' } });
  expect(JSON.stringify(har)).not.toContain('s3cret');
}

it('GET /__mock/requests.har and startMock().har() give the journal as valid HAR 1.2, credentials masked', async () => {
  mock.reset();
  await traffic(mock.url);
  const answer = await fetch(`${mock.url}/__mock/requests.har`);
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  const served = (await answer.json()) as Har;
  await expect(validate.har(served)).resolves.toEqual(served);
  expectTheTraffic(served, mock.url);
  expect(mock.har()).toEqual(served);
  expect(mock.har({ status: 401 }).log.entries.map((entry) => entry.response.status)).toEqual([401]);
});

it('a fault is an entry with status 0 and the reason in _error, still valid HAR', async () => {
  mock.reset();
  mock.answerNext({ fault: 'reset', times: 1 });
  await fetch(`${mock.url}/webhooks`, { method: 'POST', headers: AUTH, body: JSON.stringify(VALID_BODY) }).catch(
    () => undefined,
  );
  const har = mock.har();
  await expect(validate.har(har)).resolves.toEqual(har);
  expect(har.log.entries[0]!.response).toMatchObject({ status: 0, _error: 'queued answer #1: reset' });
});

it("the MSW handlers' har() gives the same log, under the baseUrl's origin and path", async () => {
  const kaiten = createHandlers({ baseUrl: 'https://demo.kaiten.sh/api', seed: 5 });
  const server = setupServer(...kaiten.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  try {
    await traffic('https://demo.kaiten.sh/api');
  } finally {
    server.close();
  }
  const har = kaiten.har();
  await expect(validate.har(har)).resolves.toEqual(har);
  expectTheTraffic(har, 'https://demo.kaiten.sh/api');
  expect(kaiten.har(undefined, 'http://127.0.0.1:3000').log.entries[0]!.request.url).toBe(
    'http://127.0.0.1:3000/api/webhooks?trace=1&trace=2',
  );
});
