// CORS that a browser accepts with credentials: the origin echoed, never `*`, and Vary: Origin.
import { JSON_HEADERS, send, VALID_BODY } from '../support/http';
import { useMock } from '../support/mock';

const mock = useMock();
const ORIGIN = 'http://localhost:5173';

it('a preflight is allowed for the page origin, its method and the headers it asks for', async () => {
  const reply = await send(mock().url, {
    method: 'OPTIONS',
    headers: {
      origin: ORIGIN,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type, prefer',
    },
  });
  expect(reply.status).toBe(204);
  expect(reply.headers).toMatchObject({
    'access-control-allow-origin': ORIGIN,
    'access-control-allow-credentials': 'true',
    'access-control-allow-methods': 'POST',
    'access-control-allow-headers': 'authorization, content-type, prefer',
    vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
  });
});

it.each([
  ['a 201', VALID_BODY, 201],
  ['a 422', { url: 'nope' }, 422],
])('%s echoes the origin with credentials and Vary: Origin', async (_label, body, status) => {
  const reply = await send(mock().url, { headers: { ...JSON_HEADERS, origin: ORIGIN }, body });
  expect(reply.status).toBe(status);
  expect(reply.headers['access-control-allow-origin']).toBe(ORIGIN);
  expect(reply.headers['access-control-allow-credentials']).toBe('true');
  expect(reply.headers.vary).toBe('Origin');
});

it('exposes the headers a page may need to read (WWW-Authenticate on a 401)', async () => {
  const reply = await send(mock().url, {
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: VALID_BODY,
  });
  expect(reply.status).toBe(401);
  expect(reply.headers['access-control-expose-headers']).toBe('www-authenticate');
});

it('sends no CORS headers to a caller that is not a browser page', async () => {
  const reply = await send(mock().url, { body: VALID_BODY });
  expect(Object.keys(reply.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
});
