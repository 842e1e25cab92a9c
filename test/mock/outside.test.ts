// Requests outside the spec still get problem+json with the usual statuses.
import { send, JSON_HEADERS, VALID_BODY } from '../support/http';
import { useMock } from '../support/mock';

const mock = useMock({ bodyLimit: 1024 * 1024 });

it('404 for an unknown path, naming what the mock serves', async () => {
  const reply = await send(mock().url, { method: 'GET', path: '/hooks' });
  expect(reply.status).toBe(404);
  expect(reply.headers['content-type']).toBe('application/problem+json');
  expect(reply.body).toEqual({
    title: 'Not Found',
    status: 404,
    detail: 'no operation matches GET /hooks; this mock serves POST /webhooks',
  });
});

it.each(['GET', 'PUT', 'DELETE', 'PATCH'])('405 with Allow: POST for %s /webhooks', async (method) => {
  const reply = await send(mock().url, {
    method,
    body: method === 'GET' || method === 'DELETE' ? undefined : VALID_BODY,
  });
  expect(reply.status).toBe(405);
  expect(reply.headers.allow).toBe('POST');
  expect(reply.body).toMatchObject({ status: 405, detail: `${method} is not allowed on /webhooks; allowed: POST` });
});

it('415 for a body that is not JSON, saying what to send', async () => {
  const reply = await send(mock().url, {
    headers: { ...JSON_HEADERS, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'url=https%3A%2F%2Fa.example.com',
  });
  expect(reply.status).toBe(415);
  expect(reply.body).toMatchObject({
    status: 415,
    detail: 'unsupported media type "application/x-www-form-urlencoded": send Content-Type: application/json',
  });
});

it('413 for a declared body over 1 MiB, without reading it', async () => {
  const body = Buffer.alloc(1024 * 1024 + 1, 0x20);
  const reply = await send(mock().url, { body });
  expect(reply.status).toBe(413);
  expect(reply.body).toMatchObject({ status: 413, detail: 'request body is larger than 1048576 bytes' });
});

it('413 for a chunked body that grows past 1 MiB', async () => {
  const { request } = await import('node:http');
  const reply = await new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    const req = request(`${mock().url}/webhooks`, { method: 'POST', headers: JSON_HEADERS }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    for (let i = 0; i < 20; i++) req.write(chunk);
    req.end();
  });
  expect(reply).toMatchObject({ status: 413, body: { status: 413 } });
});

it('a body of exactly 1 MiB is read and judged on its content', async () => {
  const padding = ' '.repeat(1024 * 1024 - JSON.stringify(VALID_BODY).length);
  const reply = await send(mock().url, { body: JSON.stringify(VALID_BODY) + padding });
  expect(reply.status).toBe(201);
});
