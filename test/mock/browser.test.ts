// A real browser on another origin makes credentialed fetches to the mock: what CORS is for.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { CHROMIUM, hasChromium, launchChromium } from '../support/chromium';
import { useMock } from '../support/mock';
import { VALID_BODY } from '../support/http';

/** The page under test: two credentialed fetches, results left on window for the test to read. */
const page = (api: string) => `<!doctype html><script>
async function call(body) {
  try {
    const response = await fetch(${JSON.stringify(api)} + '/webhooks', {
      method: 'POST', credentials: 'include',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer browser-token' },
      body: JSON.stringify(body),
    });
    return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
  } catch (error) { return { error: String(error) }; }
}
window.results = Promise.all([call(${JSON.stringify(VALID_BODY)}), call({ url: 'http://insecure.example.com', eventNames: [] })]);
</script>`;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A common misconfiguration: `*` with credentials, which browsers must refuse. */
function wildcardApi(): Server {
  return createServer((req, res) => {
    res.writeHead(req.method === 'OPTIONS' ? 204 : 201, {
      'access-control-allow-origin': '*',
      'access-control-allow-credentials': 'true',
      'access-control-allow-headers': '*',
      'content-type': 'application/json',
    });
    res.end(req.method === 'OPTIONS' ? '' : '{}');
  });
}

(hasChromium ? describe : describe.skip)('in headless Chromium', () => {
  const mock = useMock();
  let browser: Browser;
  let pages: Server;
  let pagesUrl: string;
  let wildcard: Server;
  let wildcardUrl: string;

  beforeAll(async () => {
    browser = await launchChromium();
    wildcard = wildcardApi();
    wildcardUrl = await listen(wildcard);
    // Pages are served from their own origin (another port), so every fetch is cross-origin.
    pages = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(page(req.url === '/wildcard' ? wildcardUrl : mock().url));
    });
    pagesUrl = await listen(pages);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    pages?.close();
    wildcard?.close();
  });

  async function resultsOf(path: string): Promise<unknown> {
    const tab = await browser.newPage();
    try {
      await tab.goto(`${pagesUrl}${path}`);
      return await tab.evaluate('window.results');
    } finally {
      await tab.close();
    }
  }

  it('a page on another origin gets the 201 and the 422 body through credentialed fetch', async () => {
    const [created, invalid] = (await resultsOf('/')) as [Record<string, unknown>, Record<string, unknown>];
    expect(created).toMatchObject({ status: 201, type: 'application/json', body: VALID_BODY });
    expect(invalid).toMatchObject({
      status: 422,
      type: 'application/problem+json',
      body: { status: 422, detail: 'validation failed' },
    });
    expect((invalid.body as { errors: unknown[] }).errors).toHaveLength(2);
  }, 30_000);

  it('the same page is refused by a server that answers `*` with credentials (so this test can fail)', async () => {
    const results = (await resultsOf('/wildcard')) as { error?: string }[];
    for (const result of results) expect(result.error).toMatch(/TypeError: Failed to fetch/);
  }, 30_000);
});

if (!hasChromium) {
  it.skip(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`, () =>
    undefined);
}
