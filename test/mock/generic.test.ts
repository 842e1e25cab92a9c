// The same engine, unchanged, on a second spec: another path, a path parameter, an API key,
// numeric read-only ids. Nothing about webhooks is written into the mock.
import { join } from 'node:path';
import { send } from '../support/http';
import { useMock } from '../support/mock';

const mock = useMock({ spec: join(__dirname, '..', 'fixtures', 'notes.yaml'), seed: 3 });
const KEY = { 'content-type': 'application/json', 'x-api-key': 'k' };

it('reflects the request into the 201, minting the read-only id and timestamp, sampling what was not sent', async () => {
  const reply = await send(mock().url, { path: '/notes', headers: KEY, body: { text: 'Water plants' } });
  expect(reply.status).toBe(201);
  expect(reply.body).toEqual({ id: 1, text: 'Water plants', pinned: false, createdAt: '2026-01-01T00:00:01.000Z' });
});

it('asks for the API key the spec names', async () => {
  const reply = await send(mock().url, {
    path: '/notes',
    headers: { 'content-type': 'application/json' },
    body: { text: 'x' },
  });
  expect(reply).toMatchObject({
    status: 401,
    body: { status: 401, detail: 'missing API key: send X-API-Key in the header' },
  });
});

it('reports body violations at their own locations', async () => {
  const reply = await send(mock().url, { path: '/notes', headers: KEY, body: { text: '', color: 'red' } });
  expect(reply.status).toBe(422);
  expect((reply.body as { errors: { location: string; message: string }[] }).errors).toEqual([
    { location: 'body.color', message: 'unexpected property', value: { text: '', color: 'red' } },
    { location: 'body.text', message: 'expected length >= 1', value: '' },
  ]);
});

it('lets Prism validate path parameters, and answers documented examples', async () => {
  expect(await send(mock().url, { method: 'GET', path: '/notes/1' })).toMatchObject({
    status: 200,
    body: { id: 1, text: 'Buy milk' },
  });
  const bad = await send(mock().url, { method: 'GET', path: '/notes/0' });
  expect(bad).toMatchObject({ status: 422, body: { status: 422, errors: [{ location: 'path.noteId' }] } });
});

it('answers 405 with the methods documented for that path', async () => {
  expect(await send(mock().url, { method: 'DELETE', path: '/notes/1' })).toMatchObject({
    status: 405,
    headers: { allow: 'GET' },
  });
  expect(await send(mock().url, { method: 'GET', path: '/notes' })).toMatchObject({
    status: 405,
    headers: { allow: 'POST' },
  });
});
