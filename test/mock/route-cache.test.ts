// The engine remembers Prism's routing per (method, path), up to a bound: answers stay the
// router's own before, at and past the bound.
import { createPipeline } from '../../src/engine/pipeline';
import type { MockRequest } from '../../src/engine/request';
import { loadSpec } from '../../src/spec/load';
import { SPEC_PATH } from '../support/spec-copies';

const request = (method: string, path: string): MockRequest => ({
  method,
  path,
  query: {},
  headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
  body: Buffer.from(JSON.stringify({ url: 'https://hooks.example.com/k', eventNames: ['CUSTOMER_CREATION'] })),
});

it('routes the same before and after 2,500 distinct paths have passed the bound', async () => {
  const pipeline = createPipeline(await loadSpec(SPEC_PATH), {
    auth: { tokens: new Set(), forbiddenTokens: new Set() },
  });
  const statuses = () =>
    [
      pipeline(request('POST', '/webhooks')),
      pipeline(request('GET', '/webhooks')),
      pipeline(request('POST', '/nowhere')),
    ].map((handled) => handled.response.status);
  const before = statuses();
  for (let i = 0; i < 2500; i++) expect(pipeline(request('POST', `/unknown/${i}`)).response.status).toBe(404);
  expect(before).toEqual([201, 405, 404]);
  expect(statuses()).toEqual(before);
});
