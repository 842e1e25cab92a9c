// Shapes a user's spec may take that the shipped specs do not: no `jsonSchemaDialect`, methods
// written in an order of their own, an example given only in a schema's `examples`. The mock
// reads them as the spec says and as Prism's mocker finds them.
import { startMock, type RunningMock } from '../../src/mock/start';
import { JSON_HEADERS, send, VALID_BODY } from '../support/http';
import { at, copySpec, writeSpecs } from '../support/spec-copies';

let mock: RunningMock;

beforeAll(async () => {
  const document = await copySpec();
  delete (document as { jsonSchemaDialect?: string }).jsonSchemaDialect;
  const webhooks = at(document, 'paths', '/webhooks');
  // GET written after POST, its answer's only example in the schema's `examples`.
  webhooks.get = {
    operationId: 'list-webhooks',
    security: [{}],
    responses: {
      '200': {
        description: 'The webhooks.',
        content: { 'application/json': { schema: { type: 'array', examples: [[{ id: 'from-the-schema' }]] } } },
      },
    },
  };
  mock = await startMock({ spec: writeSpecs({ shapes: document }).shapes!, port: 0, logLevel: 'silent', watch: false });
});

afterAll(() => mock.close());

it('without jsonSchemaDialect, the body is still validated and reflected', async () => {
  expect((await send(mock.url, { headers: JSON_HEADERS, body: VALID_BODY })).status).toBe(201);
  expect((await send(mock.url, { headers: JSON_HEADERS, body: {} })).status).toBe(422);
});

it("the operations are named in the spec's order", async () => {
  const reply = await send(mock.url, { method: 'GET', path: '/nowhere' });
  expect(reply.status).toBe(404);
  expect((reply.body as { detail: string }).detail).toMatch(/this mock serves POST \/webhooks, GET \/webhooks$/);
});

it("a schema's first example is the response's `default` example, as Prism names it", async () => {
  const reply = await send(mock.url, { method: 'GET', headers: { prefer: 'example=default' } });
  expect(reply.status).toBe(200);
  expect(reply.body).toEqual([{ id: 'from-the-schema' }]);
  expect(() => mock.answerNext({ operation: 'list-webhooks', example: 'default' })).not.toThrow();
});
