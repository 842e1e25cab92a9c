import { DEFAULT_SPEC } from '../platform/version';
import { loadSpec } from '../spec/load';
import { type Spec } from '../spec/spec';
import { createMockCore } from './mock-core';
import type { MockRequest } from './request';

let spec: Spec;
beforeAll(async () => {
  spec = await loadSpec(DEFAULT_SPEC);
});

const create: MockRequest = {
  method: 'POST',
  path: '/webhooks',
  query: {},
  headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
  body: new TextEncoder().encode('{"url":"https://a.example.com/k","eventNames":["CUSTOMER_CREATION"]}'),
};

it('stages the start-up answers, and a reload keeps them: a new pipeline on the same control state', () => {
  const core = createMockCore(spec, { answers: [{ code: 500, times: 2 }] });
  const first = core.pipeline();
  expect(first(create).response.status).toBe(500);
  core.reload(spec);
  expect(core.pipeline()).not.toBe(first);
  expect(core.pipeline()(create).response.status).toBe(500);
  expect(core.pipeline()(create).response.status).toBe(201);
});

it('a start-up answer the spec does not document stops the core, saying why', () => {
  expect(() => createMockCore(spec, { answers: [{ code: 418 }] })).toThrow('no response with code=418');
});

it('without control state the handle reads nothing and refuses to stage', () => {
  const handle = createMockCore(spec, { control: false }).handleAt('http://127.0.0.1:4010');
  expect(handle.requests()).toEqual([]);
  expect(handle.har().log.entries).toEqual([]);
  expect(() => handle.answerNext({ code: 500 })).toThrow('no control state');
  expect(() => handle.reset()).not.toThrow();
});

it('reset empties the staged answers the handle added', () => {
  const core = createMockCore(spec, { tokens: ['t'] });
  const handle = core.handleAt('http://127.0.0.1:4010');
  handle.answerNext({ code: 500 });
  handle.reset();
  expect(core.pipeline()(create).response.status).toBe(201);
});
