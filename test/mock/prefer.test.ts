// Every documented answer on demand, Prism-style: Prefer header or __ query parameters.
import { listExamples } from '../../src/spec/examples';
import { loadSpec } from '../../src/spec/load';
import { type SpecDocument } from '../../src/spec/document';
import { offSpec } from '../support/conformance';
import { JSON_HEADERS, send, VALID_BODY } from '../support/http';
import { useMock } from '../support/mock';
import { SPEC_PATH } from '../support/spec-copies';

let document: SpecDocument;
beforeAll(async () => {
  document = (await loadSpec(SPEC_PATH)).document;
});

const mock = useMock();
const prefer = (value: string, body: unknown = VALID_BODY, path = '/webhooks') =>
  send(mock().url, { path, headers: { ...JSON_HEADERS, prefer: value }, body });

describe('every named response example', () => {
  it('comes back verbatim with Prefer: code=, example= and with ?__code=&__example=', async () => {
    const examples = listExamples(document).filter((example) => example.status !== 'request');
    expect(examples.length).toBeGreaterThanOrEqual(12);
    for (const example of examples) {
      for (const reply of [
        await prefer(`code=${example.status}, example=${example.name}`),
        await send(mock().url, {
          path: `/webhooks?__code=${example.status}&__example=${example.name}`,
          body: VALID_BODY,
        }),
      ]) {
        expect({ name: example.name, status: reply.status, body: reply.body }).toEqual({
          name: example.name,
          status: Number(example.status),
          body: example.value,
        });
        expect(reply.headers['content-type']).toBe(example.mediaType);
        expect(offSpec(document, 'POST', '/webhooks', reply)).toEqual([]);
      }
    }
  });

  it('is found by name alone (Prefer: example=many-events, example=insecure-url)', async () => {
    expect(await prefer('example=many-events')).toMatchObject({
      status: 201,
      body: { id: 'b7c4d9e2-1a3f-4e8b-8c6d-5f2a9b0e7d13' },
    });
    expect(await prefer('example=insecure-url')).toMatchObject({
      status: 422,
      body: { errors: [{ value: 'http://hooks.example.com/kaiten' }] },
    });
  });
});

describe('Prefer: code= alone', () => {
  it.each([400, 401, 403, 422, 500])('answers %i with its first documented example', async (code) => {
    const reply = await prefer(`code=${code}`);
    const first = listExamples(document).find((example) => example.status === String(code))!;
    expect(reply.status).toBe(code);
    expect(reply.body).toEqual(first.value);
  });

  it('code=201 answers the 201 that reflects the request', async () => {
    const reply = await prefer('code=201', { url: 'https://x.example.com', eventNames: ['RELEASE_DELETION'] });
    expect(reply.body).toMatchObject({ url: 'https://x.example.com', eventNames: ['RELEASE_DELETION'] });
  });
});

describe('dynamic=true', () => {
  it.each(['code=422, dynamic=true', 'code=500, dynamic=true', 'dynamic=true'])(
    '%s generates data that validates, problem status included',
    async (value) => {
      for (let i = 0; i < 5; i++) {
        const reply = await prefer(value);
        expect(offSpec(document, 'POST', '/webhooks', reply)).toEqual([]);
      }
    },
  );

  it('__dynamic=true works too', async () => {
    const reply = await send(mock().url, { path: '/webhooks?__code=403&__dynamic=true', body: VALID_BODY });
    expect(reply.status).toBe(403);
    expect(offSpec(document, 'POST', '/webhooks', reply)).toEqual([]);
  });
});

describe('what cannot be given', () => {
  it('an undocumented code gets a 404 naming the documented codes', async () => {
    const reply = await prefer('code=418');
    expect(reply.status).toBe(404);
    expect((reply.body as { detail: string }).detail).toBe(
      'no response with code=418 is documented for this operation; documented: 201, 400, 401, 403, 422, 500',
    );
    expect(offSpec(document, 'POST', '/webhooks', reply)).toEqual([]);
  });

  it('an unknown example gets a 404 naming the documented ones', async () => {
    const forCode = await prefer('code=422, example=nope');
    expect((forCode.body as { detail: string }).detail).toBe(
      'no example named "nope" is documented for code=422; documented examples: 422: missing-url, invalid-url, insecure-url, empty-event-names, unknown-event-name',
    );
    const anywhere = await prefer('example=nope');
    expect((anywhere.body as { detail: string }).detail).toContain(
      '201: single-event, many-events; 400: malformed-json, missing-body',
    );
  });

  it('a garbage preference value gets a 400 that says which', async () => {
    const reply = await prefer('code=teapot, dynamic=sometimes');
    expect(reply.status).toBe(400);
    expect((reply.body as { detail: string }).detail).toBe(
      'invalid mock preference: code=teapot is not an HTTP status code (100-599); dynamic=sometimes is neither true nor false',
    );
  });

  it('an invalid request still gets its own error, whatever it prefers', async () => {
    expect(
      (await prefer('code=201', { url: 'http://insecure.example.com', eventNames: ['RELEASE_CREATION'] })).status,
    ).toBe(422);
    expect((await prefer('example=many-events', '{not json')).status).toBe(400);
    const anonymous = await send(mock().url, {
      headers: { 'content-type': 'application/json', prefer: 'code=201' },
      body: VALID_BODY,
    });
    expect(anonymous.status).toBe(401);
  });
});

describe('Preference-Applied (RFC 7240)', () => {
  it('names the preferences that shaped the answer', async () => {
    expect((await prefer('code=422, example=insecure-url')).headers['preference-applied']).toBe(
      'code=422, example=insecure-url',
    );
    expect((await prefer('code=201')).headers['preference-applied']).toBe('code=201');
    expect((await prefer('dynamic=true')).headers['preference-applied']).toBe('dynamic=true');
  });

  it('is absent when no preference was applied', async () => {
    expect((await prefer('respond-async')).headers['preference-applied']).toBeUndefined();
    expect((await prefer('code=201', { url: 'nope' })).headers['preference-applied']).toBeUndefined();
  });
});
