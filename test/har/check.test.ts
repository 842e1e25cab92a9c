// `kaiten-webhooks check FILE.har` on HAR files that tools nobody here wrote recorded: Chromium's,
// through Playwright's recordHar, driving a page that calls the mock (with one planted consumer
// error) and a page calling a planted-bug server; and the mock's own HAR.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startMock, type RunningMock } from '../../src/mock/start';
import { startWebhookServer } from '../fixtures/servers/webhook-server';
import { hasChromium, launchChromium } from '../support/chromium';
import { runBuiltCli } from '../support/cli';

jest.setTimeout(120_000);
const folder = mkdtempSync(join(tmpdir(), 'kaiten-har-'));
const GOOD = { url: 'https://hooks.example.com/app', eventNames: ['CUSTOMER_CREATION'] };

/** A page that sends each body to `api` + /webhooks, then says so; with `upstream`, /webhooks is forwarded there (same origin, no CORS). */
async function appServer(api: string, bodies: unknown[], upstream?: string): Promise<{ url: string; server: Server }> {
  const page = `<!doctype html><html><head><link rel="icon" href="data:,"></head><body><script>
(async () => {
  for (const body of ${JSON.stringify(bodies)}) {
    // The body read, as an app reads it: the recorder has it before the page says it is done.
    await (await fetch(${JSON.stringify(api)} + '/webhooks', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer app-token' }, body: JSON.stringify(body) })).text();
  }
  document.body.dataset.done = 'yes';
})();
</script></body></html>`;
  const forward = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const answer = await fetch(`${upstream!}/webhooks`, {
      method: req.method!,
      headers: { 'content-type': req.headers['content-type'] ?? '', authorization: req.headers.authorization ?? '' },
      body: Buffer.concat(chunks),
    });
    res
      .writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? '' })
      .end(Buffer.from(await answer.arrayBuffer()));
  };
  const server = createServer((req, res) => {
    if (req.url === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    if (upstream === undefined || req.url !== '/webhooks') return void res.writeHead(404).end();
    forward(req, res).catch(() => res.writeHead(502).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const check = (file: string, ...flags: string[]) => runBuiltCli(['check', file, ...flags]);

(hasChromium ? describe : describe.skip)('HAR files recorded by Chromium (Playwright recordHar)', () => {
  let browser: Browser;
  let mock: RunningMock;
  beforeAll(async () => {
    browser = await launchChromium();
    mock = await startMock({ port: 0, logLevel: 'silent', watch: false });
  });
  afterAll(async () => {
    await browser?.close();
    await mock?.close();
  });

  /** Opens the app in a context that records a HAR, waits for its requests, and returns the file. */
  async function record(name: string, app: { url: string; server: Server }): Promise<string> {
    const har = join(folder, `${name}.har`);
    const context = await browser.newContext({ recordHar: { path: har, content: 'embed' } });
    const page = await context.newPage();
    await page.goto(`${app.url}/`);
    await page.waitForSelector('body[data-done=yes]', { state: 'attached' });
    await context.close(); // writes the HAR
    app.server.closeAllConnections();
    app.server.close();
    return har;
  }

  it('a page calling the mock with one invalid request: the consumer error is found and named; the answers pass; other entries listed', async () => {
    const har = await record(
      'mock',
      await appServer(mock.url, [
        GOOD,
        { url: 'http://hooks.example.com/insecure', eventNames: ['CUSTOMER_CREATION'] },
      ]),
    );
    const html = join(folder, 'mock.html');
    const run = await check(har, '--html', html, '--junit', join(folder, 'mock.xml'));
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(
      /^check: FAILED, 2 request\(s\): 1 request violation\(s\) \(consumer\), 0 answer violation\(s\) \(provider\)/m,
    );
    expect(run.stdout).toMatch(/^FAILED request_body_conformance \(1\): /m);
    expect(run.stdout).toMatch(
      /^ {2}1 entr\(y\/ies\) not judged: not for an operation of the spec: GET http:\/\/127\.0\.0\.1:\d+\/$/m,
    ); // the page itself
    expect(run.code).toBe(1);
    expect(readFileSync(html, 'utf8')).toContain('class="verdict failed">check: FAILED');
    expect(readFileSync(join(folder, 'mock.xml'), 'utf8')).toContain('<testsuites name="kaiten-webhooks check">');
    // --fail-on response: the consumer's error does not fail the run.
    expect((await check(har, '--fail-on', 'response')).code).toBe(0);
  });

  it('a page calling a planted-bug server: the provider error is found and named by the answer check verify uses', async () => {
    const broken = await startWebhookServer({
      tokens: ['app-token'],
      forbiddenTokens: [],
      defect: 'success-extra-field',
    });
    try {
      const app = await appServer('', [GOOD], broken.url);
      const har = await record('broken', app);
      const run = await check(har, '--base-url', app.url);
      expect(run.stdout).toMatch(
        /^check: FAILED, 1 request\(s\): 0 request violation\(s\) \(consumer\), 1 answer violation\(s\) \(provider\)/m,
      );
      expect(run.stdout).toMatch(/^FAILED response_schema_conformance \(1\): /m);
      expect(run.stdout).toMatch(
        /1 entr\(y\/ies\) not judged: a path or method the spec does not document: GET http:\/\/127\.0\.0\.1:\d+\//,
      );
      expect(run.code).toBe(1);
      // Left out by name, the check that caught it finds nothing, and the report says it was left out.
      const without = await check(har, '--base-url', app.url, '--exclude-checks', 'response_schema_conformance');
      expect(without.stdout).toContain('checks left out (--checks, --exclude-checks): response_schema_conformance');
      expect(without.code).toBe(0);
      const unknown = await check(har, '--checks', 'no_such_check');
      expect(unknown.stderr).toMatch(/^kaiten-webhooks: --checks: no check named "no_such_check"; the checks are /);
      expect(unknown.code).toBe(2);
    } finally {
      await broken.close();
    }
  });
});

it("the mock's own HAR (GET /__mock/requests.har) of a well-behaved client passes: exit 0", async () => {
  const mock = await startMock({ port: 0, logLevel: 'silent', watch: false });
  try {
    for (let i = 0; i < 3; i++)
      await fetch(`${mock.url}/webhooks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
        body: JSON.stringify(GOOD),
      });
    const file = join(folder, 'journal.har');
    writeFileSync(file, await (await fetch(`${mock.url}/__mock/requests.har`)).text());
    const run = await check(file);
    expect(run.stdout).toMatch(
      /^check: PASSED, 3 request\(s\): 0 request violation\(s\) \(consumer\), 0 answer violation\(s\) \(provider\)/m,
    );
    expect(run.code).toBe(0);
  } finally {
    await mock.close();
  }
});

it.each([
  ['a missing file', join(folder, 'nowhere.har'), /^kaiten-webhooks: cannot read .*nowhere\.har: ENOENT\n$/],
  ['a file that is not JSON', 'not-json', /^kaiten-webhooks: .* is not JSON: /],
  ['JSON that is not HAR', '{"log":{}}', /^kaiten-webhooks: .* is not a HAR file: it has no log\.entries list\n$/],
  [
    'an entry without a request',
    '{"log":{"entries":[{}]}}',
    /^kaiten-webhooks: .*: entry 1 has no request method and absolute URL\n$/,
  ],
])('%s: one line, exit 2, no stack trace', async (_what, content, message) => {
  let file = content;
  if (!content.startsWith('/')) {
    file = join(folder, `bad-${Math.random().toString(36).slice(2)}.har`);
    writeFileSync(file, content);
  }
  const run = await check(file);
  expect(run.stderr).toMatch(message);
  expect(run.code).toBe(2);
});

it('a HAR with nothing for the spec: NOTHING CHECKED, exit 2', async () => {
  const file = join(folder, 'elsewhere.har');
  writeFileSync(
    file,
    JSON.stringify({
      log: {
        version: '1.2',
        creator: { name: 'x', version: '1' },
        entries: [
          {
            startedDateTime: new Date().toISOString(),
            time: 1,
            request: { method: 'GET', url: 'https://cdn.example.com/app.js', headers: [] },
            response: { status: 200, headers: [], content: { size: 0, mimeType: 'text/javascript' } },
          },
        ],
      },
    }),
  );
  const run = await check(file);
  expect(run.stdout).toMatch(/^check: NOTHING CHECKED, no entry of .* is for an operation of the spec; exit 2$/m);
  expect(run.code).toBe(2);
});

it('an answer whose body the HAR does not hold is listed, not judged as an empty body', async () => {
  const file = join(folder, 'no-content.har');
  const entry = {
    startedDateTime: new Date().toISOString(),
    time: 1,
    request: {
      method: 'POST',
      url: 'http://127.0.0.1:9/webhooks',
      headers: [
        { name: 'authorization', value: 'Bearer t' },
        { name: 'content-type', value: 'application/json' },
      ],
      postData: { mimeType: 'application/json', text: JSON.stringify(GOOD) },
    },
    response: {
      status: 201,
      headers: [{ name: 'content-type', value: 'application/json' }],
      content: { size: 180, mimeType: 'application/json' },
    },
  };
  writeFileSync(
    file,
    JSON.stringify({ log: { version: '1.2', creator: { name: 'x', version: '1' }, entries: [entry] } }),
  );
  const run = await check(file);
  expect(run.stdout).toMatch(
    /1 entr\(y\/ies\) not judged: the answer's body is not in the file \(record with content\): POST http:\/\/127\.0\.0\.1:9\/webhooks/,
  );
  expect(run.code).toBe(2);
});
