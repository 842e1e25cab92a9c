// The real, request-specific problem+json, in the contract's order: 401, 403, 400, 422.
import { loadSpec } from '../../src/spec/load';
import { type SpecDocument } from '../../src/spec/document';
import { offSpec } from '../support/conformance';
import { send, TOKEN, VALID_BODY, type Call } from '../support/http';
import { useMock } from '../support/mock';
import { SPEC_PATH } from '../support/spec-copies';

let document: SpecDocument;
beforeAll(async () => {
  document = (await loadSpec(SPEC_PATH)).document;
});

const json = (authorization?: string) => ({
  'content-type': 'application/json',
  ...(authorization === undefined ? {} : { authorization }),
});

describe('with --token and --forbidden-token', () => {
  const mock = useMock({ tokens: [TOKEN], forbiddenTokens: ['read-only-token'] });
  const call = async (request: Call) => {
    const reply = await send(mock().url, request);
    expect(offSpec(document, 'POST', '/webhooks', reply)).toEqual([]);
    return reply;
  };

  it.each([
    ['no Authorization header', undefined, 'missing bearer token'],
    ['another scheme', 'Basic dXNlcjpwYXNz', 'expected the Bearer scheme, not "Basic"'],
    ['an empty bearer token', 'Bearer ', 'the bearer token is empty or malformed'],
    ['a token with spaces', 'Bearer a b', 'the bearer token is empty or malformed'],
    ['an unknown token', 'Bearer not-a-known-token', 'the token is unknown or expired'],
  ])('401 for %s, with a WWW-Authenticate challenge', async (_label, authorization, detail) => {
    const reply = await call({ headers: json(authorization), body: VALID_BODY });
    expect(reply.status).toBe(401);
    expect(reply.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(reply.body).toMatchObject({
      title: 'Unauthorized',
      status: 401,
      detail: expect.stringContaining(detail) as string,
    });
  });

  it('accepts the scheme name in any case (RFC 7235)', async () => {
    expect((await call({ headers: json(`bearer ${TOKEN}`), body: VALID_BODY })).status).toBe(201);
  });

  it('403 naming the missing scope for the forbidden token', async () => {
    const reply = await call({ headers: json('Bearer read-only-token'), body: VALID_BODY });
    expect(reply.status).toBe(403);
    expect(reply.body).toEqual({ title: 'Forbidden', status: 403, detail: 'missing scope: write:webhooks' });
    expect(reply.headers['www-authenticate']).toBe('Bearer error="insufficient_scope", scope="write:webhooks"');
  });

  it('checks in the contract order: 401 before 403 before 400 before 422', async () => {
    expect((await call({ headers: json(), body: '{oops' })).status).toBe(401);
    expect((await call({ headers: json('Bearer read-only-token'), body: '{oops' })).status).toBe(403);
    expect((await call({ headers: json('Bearer read-only-token'), body: { url: 1 } })).status).toBe(403);
    expect((await call({ headers: json(`Bearer ${TOKEN}`), body: '{oops' })).status).toBe(400);
    expect((await call({ headers: json(`Bearer ${TOKEN}`), body: { url: 1 } })).status).toBe(422);
  });

  it('400 for a missing body', async () => {
    const reply = await call({ headers: json(`Bearer ${TOKEN}`) });
    expect(reply.body).toEqual({ title: 'Bad Request', status: 400, detail: 'request body is required' });
  });

  it("400 for malformed JSON, one detail at body carrying the parser's message", async () => {
    const reply = await call({ headers: json(`Bearer ${TOKEN}`), body: '{"url": "https://a.example.com",}' });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({
      status: 400,
      errors: [
        {
          location: 'body',
          message: expect.stringMatching(/JSON/) as string,
          value: '{"url": "https://a.example.com",}',
        },
      ],
    });
  });

  it.each([
    [
      'url missing',
      { eventNames: ['CUSTOMER_CREATION'] },
      [
        {
          location: 'body',
          message: 'expected required property url to be present',
          value: { eventNames: ['CUSTOMER_CREATION'] },
        },
      ],
    ],
    [
      'eventNames missing',
      { url: VALID_BODY.url },
      [
        {
          location: 'body',
          message: 'expected required property eventNames to be present',
          value: { url: VALID_BODY.url },
        },
      ],
    ],
    ['url not a string', { ...VALID_BODY, url: 42 }, [{ location: 'body.url', message: 'expected string', value: 42 }]],
    [
      'url not absolute (which is not https either)',
      { ...VALID_BODY, url: 'hooks.example.com/x' },
      [
        {
          location: 'body.url',
          message: 'expected string to match pattern ^https://[^/?#]+',
          value: 'hooks.example.com/x',
        },
        { location: 'body.url', message: 'expected string to be RFC 3986 uri', value: 'hooks.example.com/x' },
      ],
    ],
    [
      'url over 2048 characters',
      { ...VALID_BODY, url: `https://a.example.com/${'x'.repeat(2030)}` },
      [{ location: 'body.url', message: 'expected length <= 2048' }],
    ],
    [
      'eventNames empty',
      { ...VALID_BODY, eventNames: [] },
      [{ location: 'body.eventNames', message: 'expected array length >= 1', value: [] }],
    ],
    [
      'eventNames duplicated',
      { ...VALID_BODY, eventNames: ['RELEASE_CREATION', 'RELEASE_CREATION'] },
      [{ location: 'body.eventNames', message: 'expected array items to be unique' }],
    ],
    [
      'an unknown event',
      { ...VALID_BODY, eventNames: ['RELEASE_CREATION', 'CUSTOMER_ARCHIVED'] },
      [{ location: 'body.eventNames[1]', value: 'CUSTOMER_ARCHIVED' }],
    ],
    [
      'an extra property (valued the object that holds it, as Huma does)',
      { ...VALID_BODY, secret: 's3cr3t' },
      [{ location: 'body.secret', message: 'unexpected property', value: { ...VALID_BODY, secret: 's3cr3t' } }],
    ],
    ['a body that is not an object', [VALID_BODY], [{ location: 'body', message: 'expected object' }]],
  ])('422 for %s: every violation with location, message and value', async (_label, body, errors) => {
    const reply = await call({ headers: json(`Bearer ${TOKEN}`), body });
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({
      title: 'Unprocessable Entity',
      status: 422,
      detail: 'validation failed',
      errors,
    });
    expect((reply.body as { errors: unknown[] }).errors).toHaveLength(errors.length);
  });

  it('422 for non-https lists each violation of a body breaking several rules', async () => {
    const reply = await call({
      headers: json(`Bearer ${TOKEN}`),
      body: { url: 'http://a.example.com', eventNames: [], extra: true },
    });
    const errors = (reply.body as { errors: { location: string; message: string }[] }).errors;
    expect(errors.map((e) => `${e.location} ${e.message}`).sort()).toEqual([
      'body.eventNames expected array length >= 1',
      'body.extra unexpected property',
      'body.url expected string to match pattern ^https://[^/?#]+',
    ]);
  });
});

describe('by default', () => {
  const mock = useMock();

  it('accepts any non-empty bearer token', async () => {
    expect((await send(mock().url, { headers: json('Bearer anything.at-all_42'), body: VALID_BODY })).status).toBe(201);
    expect((await send(mock().url, { headers: json(), body: VALID_BODY })).status).toBe(401);
  });
});
