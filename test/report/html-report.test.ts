// The HTML report as a reviewer opens it: written by the built CLI for a failing and a passing
// run, opened from file:// in Chromium, read through the DOM. Screenshots go to reports/.
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startMock } from '../../src/mock/start';
import { PACKAGE_ROOT } from '../../src/platform/version';
import { startWebhookServer } from '../fixtures/servers/webhook-server';
import { hasChromium, launchChromium } from '../support/chromium';
import { runBuiltCli } from '../support/cli';

jest.setTimeout(120_000);
const folder = mkdtempSync(join(tmpdir(), 'kaiten-html-'));
const SCREENSHOTS = join(PACKAGE_ROOT, 'reports');

const rows = (page: Page, selector: string) => page.locator(selector).allInnerTexts();
/** A data attribute of every element the selector matches. */
const data = (page: Page, selector: string, name: string) =>
  page.evaluate<string[]>(
    `[...document.querySelectorAll(${JSON.stringify(selector)})].map((item) => item.dataset.${name})`,
  );

(hasChromium ? describe : describe.skip)('verify --html, opened in Chromium', () => {
  let browser: Browser;
  let failing: { code: number | null; stdout: string; html: string; summary: string };
  let passing: { code: number | null; html: string };

  beforeAll(async () => {
    const broken = await startWebhookServer({
      tokens: ['t0k-good'],
      forbiddenTokens: ['t0k-ro'],
      defect: 'problem-status-mismatch',
    });
    const mock = await startMock({
      port: 0,
      logLevel: 'silent',
      watch: false,
      tokens: ['t0k-good'],
      forbiddenTokens: ['t0k-ro'],
    });
    try {
      const summary = join(folder, 'step-summary.md');
      const html = join(folder, 'failing', 'report.html');
      const run = await runBuiltCli(
        ['verify', '--base-url', broken.url, '--suite', 'jest', '--seed', '3', '--html', html],
        90_000,
        {
          KAITEN_TOKEN: 't0k-good',
          KAITEN_FORBIDDEN_TOKEN: 't0k-ro',
          GITHUB_ACTIONS: 'true',
          GITHUB_STEP_SUMMARY: summary,
        },
      );
      failing = { code: run.code, stdout: run.stdout, html, summary: readFileSync(summary, 'utf8') };
      const good = join(folder, 'passing.html');
      const ok = await runBuiltCli(['verify', '--base-url', mock.url, '--html', good], 90_000, {
        KAITEN_TOKEN: 't0k-good',
        KAITEN_FORBIDDEN_TOKEN: 't0k-ro',
      });
      passing = { code: ok.code, html: good };
    } finally {
      await broken.close();
      await mock.close();
    }
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 240_000);
  afterAll(() => browser?.close());

  it('a failing run: the verdict first, the checks with what each judged, coverage, each failure with its curl; no token in the page', async () => {
    expect(failing.code).toBe(1);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    page.on('request', (request) => void (request.url().startsWith('file:') || requests.push(request.url())));
    await page.goto(`file://${failing.html}`);
    expect(await page.textContent('body > :nth-child(2)')).toMatch(
      /^verify: FAILED, \d+ failure\(s\) in \d+ check\(s\)/,
    );
    expect(await page.getAttribute('#verdict', 'class')).toContain('failed');
    const checks = await rows(page, 'table.checks tr[data-status="failed"] td:nth-child(2)');
    expect(checks).toContain('problem_details_conformance');
    expect(await rows(page, 'table.checks tr[data-status="passed"] td:nth-child(4)')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\d+ answer\(s\)$/)]),
    );
    expect((await rows(page, 'table.coverage tbody tr')).some((row) => /POST \/webhooks\s+422/.test(row))).toBe(true);
    const failures = await page.locator('.failure').count();
    expect(failures).toBeGreaterThan(3);
    const first = page.locator('.failure').first();
    expect(await first.locator('pre.sent').textContent()).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+\/webhooks\n/);
    expect(await first.locator('pre.got').textContent()).toMatch(/^\d{3} application\/problem\+json/);
    expect(await first.locator('.wrong').textContent()).not.toBe('');
    expect(await first.locator('pre.curl').textContent()).toMatch(/^curl -sS -i -X POST /);
    expect(readFileSync(failing.html, 'utf8')).not.toContain('t0k-'); // the tokens are $KAITEN_TOKEN
    await page.screenshot({ path: join(SCREENSHOTS, 'html-report-failing.png'), fullPage: false });

    // Filters: by answer status, then by check, each hiding the rest.
    const statuses = (
      await page.evaluate<string[]>(
        "[...document.querySelectorAll('#filter-status option')].map((option) => option.value)",
      )
    ).filter(Boolean);
    expect(statuses.length).toBeGreaterThan(1);
    await page.selectOption('#filter-status', statuses[0]!);
    const shown = await page.locator('.failure:not([hidden])').count();
    expect(shown).toBeLessThan(failures);
    expect(new Set(await data(page, '.failure:not([hidden])', 'status'))).toEqual(new Set([statuses[0]]));
    expect(await page.textContent('#shown')).toBe(String(shown));
    await page.selectOption('#filter-status', '');
    await page.selectOption('#filter-check', 'problem_details_conformance');
    expect(new Set(await data(page, '.failure:not([hidden])', 'check'))).toEqual(
      new Set(['problem_details_conformance']),
    );

    // The copy button copies the curl line.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const visible = page.locator('.failure:not([hidden])').first();
    await visible.locator('button.copy').click();
    await visible.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(await visible.locator('pre.curl').textContent());
    await page.screenshot({ path: join(SCREENSHOTS, 'html-report-filtered.png'), fullPage: false });
    expect(requests).toEqual([]); // self-contained: nothing fetched from anywhere
    await page.close();
  });

  it('a passing run: the verdict, every check passed or not checked, no failures', async () => {
    expect(passing.code).toBe(0);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`file://${passing.html}`);
    expect(await page.textContent('#verdict')).toMatch(/^verify: PASSED, the target conforms/);
    expect(await page.getAttribute('#verdict', 'class')).toContain('passed');
    expect(await page.locator('section.suite').count()).toBe(2);
    expect(await page.locator('table.checks tr[data-status="failed"]').count()).toBe(0);
    expect(await page.textContent('#no-failures')).toBe('None.');
    await page.screenshot({ path: join(SCREENSHOTS, 'html-report-passing.png'), fullPage: false });
    await page.close();
  });

  it('under GitHub Actions the same run printed ::error annotations and appended a job summary', () => {
    const annotations = failing.stdout.split('\n').filter((line) => line.startsWith('::error title='));
    expect(annotations.length).toBe(Number(/FAILED, (\d+) failure/.exec(failing.stdout)![1]));
    expect(annotations[0]).toMatch(/^::error title=[a-z_]+ \(jest\)::POST \/webhooks: .+; expected .+$/);
    expect(failing.summary).toMatch(/^## kaiten-webhooks verify: http:\/\/127\.0\.0\.1:\d+\n\n\*\*verify: FAILED/);
    expect(failing.summary).toContain('### Documented responses exercised');
  });
});
