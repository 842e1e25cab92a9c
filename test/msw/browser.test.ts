// The shipped browser build (dist/browser/msw.mjs, as it is in the package) in Debian's Chromium:
// a page registers MSW's service worker with our handlers, and a form posts to the app's API.
// The worker answers, not a server: there is none at /api.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { setupServer } from 'msw/node';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium } from '../support/chromium';
import { createHandlers } from '../../src/msw';
import { PACKAGE_ROOT } from '../../src/platform/version';

const BUNDLE = join(PACKAGE_ROOT, 'dist', 'browser', 'msw.mjs');
const SEED = 'in-the-browser';
jest.setTimeout(60_000);

/** The app: a form for a webhook, and a `call` any test can make; answers shown and kept on window. */
const INDEX = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>app</title>
<script type="importmap">{ "imports": { "msw": "/msw.mjs", "msw/browser": "/msw.mjs" } }</script>
</head><body>
<form id="create"><input name="url" aria-label="url"><input name="events" aria-label="events"><button>Create</button></form>
<output id="answer"></output>
<script type="module">
  import { setupWorker } from 'msw/browser';
  import { createHandlers } from '/kaiten-msw.mjs';
  const kaiten = createHandlers({ baseUrl: '/api', seed: ${JSON.stringify(SEED)}, stallLimit: 300 });
  window.call = async (body, headers = {}) => {
    const response = await fetch('/api/webhooks', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer app-token', ...headers }, body: JSON.stringify(body) });
    return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
  };
  document.querySelector('#create').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    const events = String(form.get('events')).split(',').filter(Boolean);
    const answer = await window.call({ url: form.get('url'), eventNames: events });
    document.querySelector('#answer').textContent = JSON.stringify(answer);
  });
  await setupWorker(...kaiten.handlers).start({ quiet: true, onUnhandledRequest: 'bypass' });
  window.kaiten = kaiten;
  document.body.dataset.ready = 'yes';
</script></body></html>`;

async function mswForTheBrowser(): Promise<string> {
  const result = await build({
    stdin: { contents: "export * from 'msw'; export { setupWorker } from 'msw/browser';", resolveDir: PACKAGE_ROOT },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

async function serve(files: Record<string, [type: string, body: string]>): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (file === undefined) return void res.writeHead(404).end(); // nothing behind /api: only the worker answers
    res.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-store' }).end(file[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function submit(
  page: Page,
  url: string,
  events: string,
): Promise<{ status: number; type: string; body: Record<string, unknown> }> {
  await page.fill('input[name=url]', url);
  await page.fill('input[name=events]', events);
  await page.evaluate("document.querySelector('#answer').textContent = ''");
  await page.click('button');
  await page.waitForFunction("document.querySelector('#answer').textContent !== ''");
  return JSON.parse((await page.textContent('#answer'))!) as {
    status: number;
    type: string;
    body: Record<string, unknown>;
  };
}

(hasChromium ? describe : describe.skip)('the browser build with MSW in Chromium', () => {
  let browser: Browser;
  let site: { server: Server; url: string };

  beforeAll(async () => {
    const js = 'text/javascript; charset=utf-8';
    site = await serve({
      '/': ['text/html; charset=utf-8', INDEX],
      '/mockServiceWorker.js': [
        js,
        readFileSync(join(PACKAGE_ROOT, 'node_modules', 'msw', 'lib', 'mockServiceWorker.js'), 'utf8'),
      ],
      '/msw.mjs': [js, await mswForTheBrowser()],
      '/kaiten-msw.mjs': [js, readFileSync(BUNDLE, 'utf8')],
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    site?.server.close();
  });

  test('a form gets the reflected 201 and a 422 with its errors[], and the journal has both', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Chromium logs every 4xx fetch and the missing favicon as "Failed to load resource": not the app's errors.
    page.on(
      'console',
      (message) =>
        void (
          message.type() === 'error' &&
          !message.text().startsWith('Failed to load resource') &&
          errors.push(message.text())
        ),
    );
    await page.goto(site.url);
    await page.waitForSelector('body[data-ready=yes]', { timeout: 20_000 }).catch((error: Error) => {
      throw new Error(`${error.message}\n${errors.join('\n')}`);
    });

    const created = await submit(page, 'https://hooks.example.com/from-the-form', 'CUSTOMER_CREATION,RELEASE_CREATION');
    expect(created).toMatchObject({
      status: 201,
      type: 'application/json',
      body: { url: 'https://hooks.example.com/from-the-form', eventNames: ['CUSTOMER_CREATION', 'RELEASE_CREATION'] },
    });
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);

    const refused = await submit(page, 'http://hooks.example.com/insecure', '');
    expect(refused).toMatchObject({ status: 422, type: 'application/problem+json', body: { status: 422 } });
    expect((refused.body.errors as { location: string }[]).map((error) => error.location).sort()).toEqual([
      'body.eventNames',
      'body.url',
    ]);

    const journal = await page.evaluate<string[]>(
      "window.kaiten.requests().map((entry) => entry.answer.status + ' ' + entry.reason)",
    );
    expect(journal).toEqual(['201 reflected', '422 real error']);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a staged stall starts the documented answer (201 and its headers), then its body fails; no uncaught page error', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(site.url);
    await page.waitForSelector('body[data-ready=yes]', { timeout: 20_000 });
    const stalled = await page.evaluate(`(async () => {
      window.kaiten.answerNext({ fault: 'stall', times: 1 });
      const response = await fetch('/api/webhooks', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer app-token' }, body: JSON.stringify({ url: 'https://hooks.example.com/s', eventNames: ['CUSTOMER_CREATION'] }) });
      let body = 'read';
      try { await response.text(); } catch (error) { body = error.name; }
      return { status: response.status, type: response.headers.get('content-type'), body };
    })()`);
    expect(stalled).toEqual({ status: 201, type: 'application/json', body: 'TypeError' });
    await page.waitForTimeout(500); // an uncaught error would surface after the body failed
    expect(errors).toEqual([]);
    await page.close();
  });

  test('answers as the Node handlers do under the same seed: reflected, staged, documented and generated', async () => {
    const valid = { url: 'https://hooks.example.com/same', eventNames: ['CUSTOMER_CREATION'] };
    const script = [
      { body: valid, headers: {} },
      { body: valid, headers: { prefer: 'dynamic=true' } },
      { body: valid, headers: { prefer: 'code=422, example=insecure-url' } },
      { body: {}, headers: {} },
    ];
    const page = await browser.newPage();
    await page.goto(site.url);
    await page.waitForSelector('body[data-ready=yes]', { timeout: 20_000 });
    const inBrowser = await page.evaluate<unknown[]>(`(async () => {
      const answers = [];
      for (const { body, headers } of ${JSON.stringify(script)}) answers.push(await window.call(body, headers));
      return answers;
    })()`);
    await page.close();

    const kaiten = createHandlers({ baseUrl: 'https://app.test/api', seed: SEED });
    const server = setupServer(...kaiten.handlers);
    server.listen({ onUnhandledRequest: 'error' });
    const inNode = [];
    try {
      for (const { body, headers } of script) {
        const response = await fetch('https://app.test/api/webhooks', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer app-token', ...headers },
          body: JSON.stringify(body),
        });
        inNode.push({
          status: response.status,
          type: response.headers.get('content-type'),
          body: await response.json(),
        });
      }
    } finally {
      server.close();
    }
    expect(inBrowser).toEqual(inNode);
    expect(inNode.map((answer) => answer.status)).toEqual([201, 201, 422, 422]);
  });
});
