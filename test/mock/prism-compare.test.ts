// The README's side-by-side, measured: plain `prism mock` (from @stoplight/prism-cli) and this
// mock answer the same requests on the same spec.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/platform/version';
import { send } from '../support/http';
import { useMock } from '../support/mock';
import { freePort } from '../support/ports';
import { SPEC_PATH } from '../support/spec-copies';

const ORIGIN = 'http://localhost:5173';
const SENT = { url: 'https://app.example.com/hooks', eventNames: ['RELEASE_CREATION'] };
const INSECURE = { url: 'http://app.example.com/hooks', eventNames: ['RELEASE_CREATION'] };

let prism: ChildProcess;
let prismUrl: string;
const ours = useMock();

beforeAll(async () => {
  const port = await freePort();
  prismUrl = `http://127.0.0.1:${port}`;
  prism = spawn(
    join(PACKAGE_ROOT, 'node_modules', '.bin', 'prism'),
    ['mock', '-h', '127.0.0.1', '-p', String(port), SPEC_PATH],
    {
      env: { ...process.env, SCARF_ANALYTICS: 'false' },
      stdio: 'ignore',
    },
  );
  for (let waited = 0; waited < 20_000; waited += 200) {
    try {
      await send(prismUrl, { method: 'GET', path: '/' }, 1000);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error('prism mock did not start within 20 s');
}, 30_000);

afterAll(() => {
  prism?.kill('SIGTERM');
});

const both = async (call: Parameters<typeof send>[1]) => ({
  prism: await send(prismUrl, call),
  ours: await send(ours().url, call),
});

it('a valid request: Prism returns its static example, ours reflects what was sent', async () => {
  const { prism: p, ours: o } = await both({ body: SENT });
  expect(p.status).toBe(201);
  expect(p.body).not.toMatchObject(SENT);
  expect(o.status).toBe(201);
  expect(o.body).toMatchObject(SENT);
});

it('an http:// url: Prism returns its first canned 422 example, ours names the real violation', async () => {
  const { prism: p, ours: o } = await both({ body: INSECURE });
  expect(p.status).toBe(422);
  expect(p.body).toMatchObject({
    errors: [{ location: 'body', message: 'expected required property url to be present' }],
  });
  expect(p.headers['sl-violations']).toContain('pattern');
  expect(o.body).toMatchObject({
    errors: [
      { location: 'body.url', message: 'expected string to match pattern ^https://[^/?#]+', value: INSECURE.url },
    ],
  });
});

it('malformed JSON: Prism answers its own non-problem JSON, ours the documented problem+json', async () => {
  const { prism: p, ours: o } = await both({ body: '{"url":' });
  expect(p.status).toBe(400);
  expect(p.headers['content-type']).toMatch(/^application\/json/);
  expect(p.body).toEqual({ error: { code: 'invalid_json', message: 'Invalid JSON' } });
  expect(o.headers['content-type']).toBe('application/problem+json');
  expect(o.body).toMatchObject({ status: 400, errors: [{ location: 'body' }] });
});

it('a credentialed browser call: both echo the origin; only ours adds Vary: Origin and exposes real header names', async () => {
  const { prism: p, ours: o } = await both({
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: SENT,
  });
  expect(p.headers['access-control-allow-origin']).toBe(ORIGIN);
  expect(p.headers.vary).toBeUndefined();
  // With credentials, browsers read `*` literally: Prism exposes no header to the page.
  expect(p.headers['access-control-expose-headers']).toBe('*');
  expect(o.headers['access-control-allow-origin']).toBe(ORIGIN);
  expect(o.headers.vary).toBe('Origin');
  expect(o.headers['access-control-expose-headers']).toBe('www-authenticate');
});
