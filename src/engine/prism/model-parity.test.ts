// The project's reading of an operation (src/spec/documented.ts) against Prism's model of the same
// document, on the shapes where the two could part: what the mock's stages read must be what
// Prism's router and mocker see, or a name the mock offers would be one Prism cannot find.
import type { IHttpOperation } from '@stoplight/types';
import { requestBodyOf, responsesOf, securityOf } from '../../spec/documented';
import type { Operation } from '../../spec/operations';
import { specOf } from '../../spec/spec';
import { operationsOf } from './operations';

const json = (extra: object) => ({ 'application/json': { schema: { type: 'object' }, ...extra } });

const DOCUMENT = {
  openapi: '3.1.0',
  info: { title: 'shapes', version: '1' },
  security: [{ bearer: ['read', 'write'] }],
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'Bearer' },
      key: { type: 'apiKey', in: 'header', name: 'X-Key' },
      oauth: {
        type: 'oauth2',
        flows: {
          clientCredentials: { tokenUrl: 'https://auth.example/token', scopes: { a: '', b: '' } },
          password: { tokenUrl: 'https://auth.example/token', scopes: { c: '', a: '' } },
          implicit: { scopes: { d: '' } }, // no authorizationUrl: not a flow Prism counts
        },
      },
    },
  },
  paths: {
    '/things': {
      post: {
        security: [{ oauth: ['a', 'b', 'c', 'd'] }, { key: [] }],
        requestBody: { content: { ...json({}), 'text/plain': {} } },
        responses: {
          '201': { description: '', content: json({ example: { x: 1 } }) },
          '400': { description: '', content: json({ examples: { one: { value: {} }, two: { value: {} } } }) },
          '4XX': { description: '', content: json({ example: {}, examples: { named: { value: {} } } }) },
          default: { description: '' },
        },
      },
      get: {
        security: [{}],
        responses: {
          '200': {
            description: '',
            content: { 'application/json': { schema: { type: 'object', examples: [{ y: 2 }] } } },
          },
        },
      },
    },
    '/other': {
      put: {
        requestBody: { required: true, content: json({}) },
        responses: { '204': { description: '' } },
      },
    },
  },
};

const spec = specOf(DOCUMENT);
const models = operationsOf(spec.document);
const modelOf = (operation: Operation): IHttpOperation =>
  models.find((model) => model.method === operation.method && model.path === operation.path)!;

it('lists the operations in the order Prism does: paths, then methods as written', () => {
  expect(spec.operations.map((operation) => `${operation.method} ${operation.path}`)).toEqual(
    models.map((model) => `${model.method} ${model.path}`),
  );
});

it.each(spec.operations.map((operation) => [`${operation.method} ${operation.path}`, operation]))(
  '%s: the same responses, media types and example names',
  (_name, operation) => {
    const ours = responsesOf(operation).map((response) => ({
      code: response.code,
      contents: response.contents.map(({ mediaType, exampleKeys }) => ({ mediaType, exampleKeys })),
    }));
    const prisms = modelOf(operation).responses.map((response) => ({
      code: response.code,
      contents: (response.contents ?? []).map((content) => ({
        mediaType: content.mediaType,
        exampleKeys: (content.examples ?? []).map((example) => example.key),
      })),
    }));
    expect(ours).toEqual(prisms);
  },
);

it.each(spec.operations.map((operation) => [`${operation.method} ${operation.path}`, operation]))(
  '%s: the same request body',
  (_name, operation) => {
    const body = modelOf(operation).request?.body;
    expect(requestBodyOf(operation)).toEqual(
      body === undefined
        ? undefined
        : {
            required: body.required === true,
            contents: (body.contents ?? []).map((content) => ({
              mediaType: content.mediaType,
              ...(content.schema === undefined ? {} : { schema: expect.anything() as unknown }),
              exampleKeys: (content.examples ?? []).map((example) => example.key),
            })),
          },
    );
  },
);

it.each(spec.operations.map((operation) => [`${operation.method} ${operation.path}`, operation]))(
  '%s: the same security alternatives, schemes and scopes',
  (_name, operation) => {
    const ours = securityOf(spec.document, operation).map((alternative) =>
      alternative.map(({ scheme, scopes }) => ({ type: scheme.type, scopes })),
    );
    const prisms = (modelOf(operation).security ?? []).map((alternative) =>
      alternative.map((scheme) => ({
        type: scheme.type,
        scopes:
          scheme.type === 'oauth2'
            ? [
                ...new Set(
                  Object.values(scheme.flows as Record<string, { scopes?: object } | undefined>).flatMap((flow) =>
                    Object.keys(flow?.scopes ?? {}),
                  ),
                ),
              ]
            : (((scheme.extensions as Record<string, unknown> | undefined)?.['x-scopes'] as string[] | undefined) ??
              []),
      })),
    );
    expect(ours).toEqual(prisms);
  },
);
