// spec/openapi.yaml states every row of ../shared/api-contract.md: checked by asking the spec's
// own schemas what they accept and reject, not by comparing text.
import type { OpenAPIV3_1 } from 'openapi-types';
import { listExamples } from '../src/spec/examples';
import { loadSpec } from '../src/spec/load';
import { type SpecDocument } from '../src/spec/document';
import { createValidator, type JsonSchema } from '../src/spec/validate';
import { SPEC_PATH } from './support/spec-copies';
import { EVENT_NAMES } from './fixtures/servers/events';

// The contract's own list, hand-written apart from the spec, as the fixture servers share it.
const EVENTS: readonly string[] = EVENT_NAMES;
const URL = 'https://hooks.example.com/kaiten';
const validate = createValidator();
let document: SpecDocument;
let operation: OpenAPIV3_1.OperationObject;

const media = (status: string, type: string): OpenAPIV3_1.MediaTypeObject => {
  const response = operation.responses?.[status] as OpenAPIV3_1.ResponseObject | undefined;
  const found = response?.content?.[type];
  if (found === undefined) throw new Error(`no ${type} content for ${status}`);
  return found;
};
const requestSchema = (): JsonSchema =>
  (operation.requestBody as OpenAPIV3_1.RequestBodyObject).content['application/json']!.schema!;
const accepts = (schema: JsonSchema, value: unknown): boolean => validate(schema, value).length === 0;

beforeAll(async () => {
  document = (await loadSpec(SPEC_PATH)).document;
  operation = document.paths!['/webhooks']!.post!;
});

describe('operation', () => {
  it('is POST /webhooks, tag Webhooks, operationId create-webhook, with the docs summary and description', () => {
    expect(operation).toMatchObject({
      tags: ['Webhooks'],
      summary: 'Create a new webhook',
      description: 'Create a new webhook endpoint to receive events.',
      operationId: 'create-webhook',
    });
    expect(document.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('lists the demo server and the mock', () => {
    expect(document.servers?.map((server) => server.url)).toEqual(['https://demo.kaiten.sh', 'http://localhost:4010']);
  });

  it('needs a bearer token with the write:webhooks scope', () => {
    expect(operation.security).toEqual([{ bearerAuth: ['write:webhooks'] }]);
    expect(document.components?.securitySchemes?.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});

describe('request body', () => {
  const valid = { url: URL, eventNames: ['CUSTOMER_CREATION'] };

  it('is required JSON', () => {
    expect((operation.requestBody as OpenAPIV3_1.RequestBodyObject).required).toBe(true);
  });

  it.each([
    ['one event', valid],
    ['all 27 events', { url: URL, eventNames: EVENTS }],
    ['a URL of exactly 2048 characters', { ...valid, url: `${URL}/${'a'.repeat(2048 - URL.length - 1)}` }],
    ['a URL with port, query and percent-encoding', { ...valid, url: 'https://h.example.com:8443/a%20b?x=1&y=%C3%A9' }],
  ])('accepts %s', (_label, body) => {
    expect(validate(requestSchema(), body)).toEqual([]);
  });

  it.each([
    ['no url', 'required', { eventNames: ['CUSTOMER_CREATION'] }],
    ['no eventNames', 'required', { url: URL }],
    ['an extra property', 'additionalProperties', { ...valid, secret: 'x' }],
    ['a url that is not a string', 'type', { ...valid, url: 42 }],
    ['a url that is not an absolute URI', 'format', { ...valid, url: 'hooks.example.com/kaiten' }],
    ['an http url', 'pattern', { ...valid, url: 'http://hooks.example.com/kaiten' }],
    ['a url over 2048 characters', 'maxLength', { ...valid, url: `${URL}/${'a'.repeat(2048 - URL.length)}` }],
    ['empty eventNames', 'minItems', { ...valid, eventNames: [] }],
    ['duplicate eventNames', 'uniqueItems', { ...valid, eventNames: ['CUSTOMER_CREATION', 'CUSTOMER_CREATION'] }],
    ['an unknown event', 'enum', { ...valid, eventNames: ['CUSTOMER_ARCHIVED'] }],
    ['eventNames that is not an array', 'type', { ...valid, eventNames: 'CUSTOMER_CREATION' }],
    ['a body that is not an object', 'type', [valid]],
  ])('rejects %s (%s)', (_label, keyword, body) => {
    expect(validate(requestSchema(), body).map((violation) => violation.keyword)).toContain(keyword);
  });

  it('has exactly the 27-event catalogue', () => {
    const eventNames = (requestSchema() as OpenAPIV3_1.SchemaObject).properties!
      .eventNames as OpenAPIV3_1.ArraySchemaObject;
    expect((eventNames.items as OpenAPIV3_1.SchemaObject).enum).toEqual(EVENTS);
  });
});

describe('201 Created', () => {
  const webhook = {
    id: 'wh_1',
    url: URL,
    eventNames: ['LICENSE_UPDATE'],
    createdAt: '2026-03-14T09:26:53Z',
    updatedAt: '2026-03-14T09:26:53.120+01:00',
  };
  const schema = (): JsonSchema => media('201', 'application/json').schema!;

  it('accepts a webhook with an opaque id and RFC 3339 timestamps', () => {
    expect(validate(schema(), webhook)).toEqual([]);
  });

  it.each(['id', 'url', 'eventNames', 'createdAt', 'updatedAt'])('requires %s', (field) => {
    const { [field as keyof typeof webhook]: _dropped, ...rest } = webhook;
    expect(accepts(schema(), rest)).toBe(false);
  });

  it.each([
    ['an empty id', { ...webhook, id: '' }],
    ['an extra property', { ...webhook, secret: 'x' }],
    ['a timestamp that is not RFC 3339', { ...webhook, createdAt: '14/03/2026' }],
    ['an unknown event', { ...webhook, eventNames: ['NOPE'] }],
  ])('rejects %s', (_label, body) => {
    expect(accepts(schema(), body)).toBe(false);
  });
});

describe('errors', () => {
  it.each(['400', '401', '403', '422', '500'])(
    '%s is application/problem+json with the one shared error model',
    (status) => {
      expect(Object.keys((operation.responses![status] as OpenAPIV3_1.ResponseObject).content!)).toEqual([
        'application/problem+json',
      ]);
      expect(media(status, 'application/problem+json').schema).toBe(media('422', 'application/problem+json').schema);
    },
  );

  it('documents exactly 201 and the five errors', () => {
    expect(Object.keys(operation.responses!).sort()).toEqual(['201', '400', '401', '403', '422', '500']);
  });

  it('requires title, status and detail, and location and message in each detail', () => {
    const schema = media('422', 'application/problem+json').schema!;
    const problem = { title: 'Unprocessable Entity', status: 422, detail: 'validation failed' };
    expect(validate(schema, problem)).toEqual([]);
    expect(
      validate(schema, {
        ...problem,
        type: 'about:blank',
        instance: '/errors/1',
        errors: [{ location: 'body.url', message: 'm', value: { any: ['json'] } }],
      }),
    ).toEqual([]);
    for (const field of ['title', 'status', 'detail'] as const) {
      const { [field]: _dropped, ...rest } = problem;
      expect(accepts(schema, rest)).toBe(false);
    }
    expect(accepts(schema, { ...problem, errors: [{ location: 'body' }] })).toBe(false);
    expect(accepts(schema, { ...problem, errors: [{ message: 'm' }] })).toBe(false);
    expect(accepts(schema, { ...problem, extra: true })).toBe(false);
  });
});

describe('named examples', () => {
  it('are exactly the ones the contract names', () => {
    const names = listExamples(document).map((example) => `${example.status} ${example.name}`);
    expect(names).toEqual([
      'request single-event',
      'request many-events',
      '201 single-event',
      '201 many-events',
      '400 malformed-json',
      '400 missing-body',
      '401 missing-token',
      '403 missing-scope',
      '422 missing-url',
      '422 invalid-url',
      '422 insecure-url',
      '422 empty-event-names',
      '422 unknown-event-name',
      '500 internal-error',
    ]);
  });
});
