// The control page in a real browser: a person stages "500 internal-error once" on the page, an
// unmodified app on another origin gets that 500 and then a 201, and the page's journal shows both
// with their reasons. A screenshot is left in reports/ for a person to look at (not committed).
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { CHROMIUM, hasChromium, launchChromium } from '../support/chromium';
import { startMock, type RunningMock } from '../../src/mock/start';
import { PACKAGE_ROOT } from '../../src/platform/version';
import { VALID_BODY } from '../support/http';

const hasBrowser = hasChromium;

/** The app: one button that creates a webhook, and the status it got. It knows nothing of the control surface. */
const app = (api: string) => `<!doctype html>
<button id="create">Create webhook</button><output id="status"></output>
<script>
document.getElementById('create').onclick = async () => {
  const response = await fetch(${JSON.stringify(api)} + '/webhooks', {
    method: 'POST', credentials: 'include',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer app-token' },
    body: ${JSON.stringify(JSON.stringify(VALID_BODY))},
  });
  document.getElementById('status').textContent = String(response.status);
};
</script>`;

(hasBrowser ? describe : describe.skip)('the control page in headless Chromium', () => {
  let browser: Browser;
  let mock: RunningMock;
  let pages: Server;
  let appUrl: string;

  beforeAll(async () => {
    browser = await launchChromium();
    mock = await startMock({ port: 0, watch: false, logLevel: 'silent' });
    pages = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(app(mock.url)));
    await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
    appUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}/`;
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await mock?.close();
    await new Promise((resolve) => pages?.close(resolve));
  });

  it('stages "500 internal-error once" from the page; the app gets 500, then 201; the journal shows both and why', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const control = await context.newPage();
    await control.goto(`${mock.url}/__mock/`);
    await control.waitForSelector('body[data-ready="true"]');
    await control.getByRole('button', { name: '500 internal-error' }).click();
    await control.getByText('Staged: create-webhook · 500 · internal-error · 1×').waitFor();

    const appPage = await context.newPage();
    await appPage.goto(appUrl);
    const statuses: string[] = [];
    for (let i = 0; i < 2; i++) {
      await appPage.evaluate("document.getElementById('status').textContent = ''");
      await appPage.click('#create');
      await appPage.waitForFunction("document.getElementById('status').textContent !== ''");
      statuses.push((await appPage.textContent('#status'))!);
    }
    expect(statuses).toEqual(['500', '201']);

    // Newest first, live over server-sent events.
    await control.waitForFunction("document.querySelectorAll('#journal li').length >= 2");
    const rows = await control.evaluate(
      "[...document.querySelectorAll('#journal li')].map((item) => [item.getAttribute('data-status'), item.getAttribute('data-reason')])",
    );
    expect((rows as string[][]).slice(0, 2)).toEqual([
      ['201', 'reflected'],
      ['500', 'queued answer'],
    ]);
    await control.locator('#journal li').nth(1).locator('summary').click();
    expect(await control.textContent('#staged')).toContain('nothing staged');
    // The line above the list follows it: the staged answer is used up, not still staged.
    await control.getByText('Used: create-webhook · 500 · internal-error · 1×').waitFor();
    expect(await control.textContent('#message')).not.toContain('Staged:');

    // Send it again: the app's own headers only, the masked token as $KAITEN_TOKEN, said first, and a copy button.
    const entry = control.locator('#journal li').nth(1);
    const curl = (await entry.locator('pre.curl').textContent())!;
    expect(curl).toMatch(/^curl -i -X POST 'http:\/\/127\.0\.0\.1:\d+\/webhooks' /);
    expect(curl).toContain('-H "authorization: Bearer $KAITEN_TOKEN"');
    expect(curl).not.toMatch(/sec-ch-ua|user-agent|accept-language|origin|referer|\$AUTHORIZATION/i);
    expect(await entry.textContent()).toContain('first export KAITEN_TOKEN=…');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: mock.url });
    await entry.getByRole('button', { name: 'Copy' }).click();
    await entry.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await control.evaluate('navigator.clipboard.readText()')).toBe(curl);
    const replay = await promisify(execFile)('bash', ['-c', `${curl} -o /dev/null -w '%{http_code}'`], {
      env: { ...process.env, KAITEN_TOKEN: 'app-token' },
      encoding: 'utf8',
    });
    expect(replay.stdout).toBe('201');

    mkdirSync(join(PACKAGE_ROOT, 'reports'), { recursive: true });
    await control.screenshot({ path: join(PACKAGE_ROOT, 'reports', 'control-page.png'), fullPage: true });
    await context.close();
  }, 60_000);

  it('is usable from the keyboard and on a narrow window', async () => {
    const context = await browser.newContext({ viewport: { width: 420, height: 800 } });
    const control = await context.newPage();
    await control.goto(`${mock.url}/__mock/`);
    await control.waitForSelector('body[data-ready="true"]');
    const width = await control.evaluate('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(420);
    await control.getByRole('button', { name: '403 missing-scope' }).focus();
    await control.keyboard.press('Enter');
    await control.getByText('Staged: create-webhook · 403 · missing-scope · 1×').waitFor();
    expect(mock.requests()).toEqual(expect.any(Array));
    await context.close();
    mock.reset();
  }, 60_000);
});

if (!hasBrowser) {
  it.skip(`control page tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`, () =>
    undefined);
}
