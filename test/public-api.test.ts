// What a frontend's own test suite does with the package: start the mock, call it, close it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HarnessError, startMock, type CreateWebhookRequest, type Webhook } from '../src/index';
import { PACKAGE_ROOT } from '../src/platform/version';

it('startMock on port 0 serves the spec, and close() frees the port', async () => {
  const mock = await startMock({ port: 0, logLevel: 'silent', watch: false });
  expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);
  const request: CreateWebhookRequest = { url: 'https://app.example.com/hooks', eventNames: ['INSTANCE_CREATION'] };
  const response = await fetch(`${mock.url}/webhooks`, {
    method: 'POST',
    headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  const webhook = (await response.json()) as Webhook;
  expect(response.status).toBe(201);
  expect(webhook).toMatchObject(request);
  await mock.close();
  await expect(fetch(`${mock.url}/webhooks`, { method: 'POST' })).rejects.toThrow();
});

it('the startMock JSDoc example, run as written, gets the 422 its comment promises', async () => {
  const source = readFileSync(join(PACKAGE_ROOT, 'src', 'mock', 'start.ts'), 'utf8');
  const example = /@example\n([\s\S]*?)\*\//.exec(source)![1]!.replace(/^\s*\* ?/gm, '');
  const promised = Number(/\/\/ (\d{3})\b/.exec(example)![1]);
  const statuses: number[] = [];
  const fetchAndNote = async (...args: Parameters<typeof fetch>) => {
    const response = await fetch(...args);
    statuses.push(response.status);
    return response;
  };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const run = new Function('startMock', 'fetch', `return (async () => {\n${example}\n})();`) as (
    start: typeof startMock,
    send: typeof fetch,
  ) => Promise<void>;
  await run(startMock, fetchAndNote);
  expect(promised).toBe(422);
  expect(statuses).toEqual([promised]);
});

it('what stops a call is a HarnessError with the exit code the CLI gives: a spec it cannot use, an answer it cannot stage', async () => {
  const missing = join(PACKAGE_ROOT, 'test', 'fixtures', 'no-such-spec.yaml');
  const failure = await startMock({ spec: missing, port: 0, logLevel: 'silent', watch: false }).catch(
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(HarnessError);
  expect(failure).toMatchObject({ name: 'SpecError', exitCode: 2 });
  expect((failure as Error).message).toContain('no-such-spec.yaml');

  const mock = await startMock({ port: 0, logLevel: 'silent', watch: false });
  try {
    let staged: unknown;
    try {
      mock.answerNext({ code: 599 });
    } catch (error) {
      staged = error;
    }
    expect(staged).toBeInstanceOf(HarnessError);
    expect(staged).toMatchObject({ name: 'StageError', exitCode: 2 });
    expect((staged as Error).message).toMatch(/^cannot stage .*code=599/);
  } finally {
    await mock.close();
  }
});
