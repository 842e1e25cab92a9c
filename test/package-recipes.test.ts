// The docs' recipes as a user runs them: as written (each block marked `<!-- run: NAME -->` in
// README.md or docs/), through `npx`, in a project where the packed package is installed from a
// vendor/ folder.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startWebhookServer } from './fixtures/servers/webhook-server';
import { hasChromium, launchChromium } from './support/chromium';
import { docBlock } from './support/doc-blocks';
import { installedProject } from './support/installed';
import { runIn } from './support/project';
import { serveFolder } from './support/static-site';

jest.setTimeout(120_000);

let project: string;
let staging: Awaited<ReturnType<typeof startWebhookServer>>;
const bash = (script: string, env: NodeJS.ProcessEnv = {}) => runIn(project, 'bash', ['-c', script], env);

beforeAll(async () => {
  project = await installedProject();
  staging = await startWebhookServer({ tokens: ['good'], forbiddenTokens: [] });
}, 900_000);
afterAll(() => staging?.close());

it('installs from the vendor folder with a path relative to the project, as the README says', () => {
  const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  expect(manifest.dependencies['kaiten-webhooks-harness']).toBe('file:vendor/kaiten-webhooks-harness.tgz');
});

describe('the proxy in CI, through npx', () => {
  beforeAll(() => {
    // `npm run test:e2e`: a one-request end-to-end suite that finds the proxy as the README says.
    writeFileSync(
      join(project, 'e2e.cjs'),
      `fetch(process.env.KAITEN_PROXY_URL + '/webhooks', { method: 'POST', headers: { authorization: 'Bearer good', 'content-type': 'application/json' }, body: JSON.stringify({ url: 'https://hooks.example.com/e2e', eventNames: ['CUSTOMER_CREATION'] }) })
  .then((answer) => { console.log('e2e got', answer.status); process.exit(answer.status === 201 ? 0 : 1); });
`,
    );
    const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ ...manifest, scripts: { 'test:e2e': 'node e2e.cjs' } }, null, 2),
    );
  });

  it.each(['proxy-ci', 'readme-proxy-ci'])(
    '"-- npm run test:e2e" as written (%s): the suite runs through the proxy, which stops with its report and JUnit, exit 0',
    async (block) => {
      rmSync(join(project, 'reports', 'proxy.xml'), { force: true });
      const run = await bash(docBlock(block), { STAGING_URL: staging.url });
      expect(run.stdout).toContain('e2e got 201');
      expect(run.stdout).toContain('proxy stopped (the command ended with exit code 0)');
      expect(run.stdout).toMatch(/^proxy: PASSED, 1 request\(s\)/m);
      expect(run.code).toBe(0);
      expect(readFileSync(join(project, 'reports', 'proxy.xml'), 'utf8')).toContain('<testsuite');
    },
  );

  it('started in the background with npx and stopped with kill $!: the proxy ends within seconds, writes its JUnit and frees its port', async () => {
    const junit = join(project, 'reports', 'background.xml');
    rmSync(junit, { force: true });
    const script = `npx kaiten-webhooks proxy --upstream "$STAGING_URL" --port 0 --junit reports/background.xml > proxy.log 2>&1 &
until grep -q 'proxy listening on' proxy.log; do sleep 0.2; done
url=$(grep -o 'http://127.0.0.1:[0-9]*' proxy.log | head -1)
curl -s -o /dev/null "$url/webhooks"
kill $!; wait $!; echo "wait $? $url"`;
    const run = await bash(script, { STAGING_URL: staging.url });
    const [, waited, url] = /^wait (\d+) (\S+)$/m.exec(run.stdout)!;
    expect(waited).toBe('143'); // npm's, as the README says: the verdict is in the report
    for (let i = 0; i < 50 && !existsSync(junit); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(readFileSync(junit, 'utf8')).toContain('<testsuite');
    await expect(fetch(url!)).rejects.toThrow(); // nobody listens there any more
    expect(readFileSync(join(project, 'proxy.log'), 'utf8')).toContain('proxy stopped (its parent process ended)');
  });
});

describe('code generation from the exported spec', () => {
  beforeAll(async () => {
    mkdirSync(join(project, 'src'), { recursive: true });
    const run = await bash(docBlock('codegen'));
    if (run.code !== 0) throw new Error(`codegen failed:\n${run.stderr}`);
  });

  it('the spec resolves through the exports map and openapi-typescript writes its paths', () => {
    expect(readFileSync(join(project, 'src', 'kaiten-api.d.ts'), 'utf8')).toMatch(/"\/webhooks": \{/);
  });

  /** The openapi-fetch script, type-checked as written, then run with its types stripped. */
  async function runClient(file: string, source: string) {
    writeFileSync(join(project, `${file}.ts`), source);
    const tsc = await runIn(project, join(project, 'node_modules', '.bin', 'tsc'), [
      '--noEmit',
      '--strict',
      '--skipLibCheck',
      '--module',
      'esnext',
      '--moduleResolution',
      'bundler',
      '--target',
      'es2022',
      '--types',
      'node',
      `${file}.ts`,
    ]);
    expect(tsc.stdout + tsc.stderr).toBe('');
    const strip = `const ts = require('typescript'); const fs = require('fs'); fs.writeFileSync('${file}.mjs', ts.transpileModule(fs.readFileSync('${file}.ts', 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText);`;
    await runIn(project, process.execPath, ['-e', strip]);
    return runIn(project, process.execPath, [`${file}.mjs`]);
  }

  it('the openapi-fetch client under MSW, as written, gets what its comment says', async () => {
    const script = docBlock('openapi-fetch');
    const run = await runClient('client', script);
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe(
      /\/\/ (.*)$/m.exec(script.split('\n').find((line) => line.startsWith('console.log'))!)![1],
    );
  });

  it('without the fetch option, the client made before server.listen() escapes the handlers (the warning is true)', async () => {
    // To a closed port on this machine instead of the real API: what escapes must not reach the network.
    const script = docBlock('openapi-fetch')
      .replace(', fetch: (request) => globalThis.fetch(request)', '')
      .replaceAll('https://demo.kaiten.sh', 'http://127.0.0.1:9');
    expect(script).not.toContain('globalThis.fetch');
    const run = await runClient('escaping-client', script);
    expect(run.code).not.toBe(0);
    expect(run.stdout).not.toContain('201');
    expect(run.stderr).toMatch(/fetch failed|ECONNREFUSED/);
  });
});

(hasChromium ? describe : describe.skip)('in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('kaiten-webhooks-harness/values in a Vite build: a picker of the 27 events and an example, in Chromium, without Node code', async () => {
    const app = join(project, 'vite-app');
    mkdirSync(app, { recursive: true });
    writeFileSync(
      join(app, 'index.html'),
      '<!doctype html><html><body><select id="events"></select><script type="module" src="./main.ts"></script></body></html>',
    );
    writeFileSync(
      join(app, 'main.ts'),
      `import { EVENT_NAMES, EXAMPLES, type EventName } from 'kaiten-webhooks-harness/values';
const first: EventName = EVENT_NAMES[0]!;
const select = document.querySelector('#events')!;
for (const name of EVENT_NAMES) select.append(new Option(name, name, name === first));
document.body.dataset.example = EXAMPLES['create-webhook'].request['single-event'].url;
`,
    );
    const build = await runIn(app, join(project, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn']);
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    // The catalogue and the examples only: none of the Node entry's engine came along.
    const scripts = readdirSync(join(app, 'dist', 'assets')).filter((file) => file.endsWith('.js'));
    expect(scripts.reduce((bytes, file) => bytes + statSync(join(app, 'dist', 'assets', file)).size, 0)).toBeLessThan(
      20_000,
    );
    const site = await serveFolder(join(app, 'dist'));
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await page.goto(`${site.url}/`);
      await page.waitForSelector('body[data-example]');
      expect(await page.locator('#events option').count()).toBe(27);
      expect(await page.getAttribute('body', 'data-example')).toMatch(/^https:\/\//);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await site.close();
    }
  });

  it('MSW without a bundler, as written: the vendored msw, the shipped worker, a 201 in the page', async () => {
    const copied = await bash(docBlock('no-bundler-worker'));
    expect(copied.code).toBe(0);
    writeFileSync(
      join(project, 'no-bundler.html'),
      `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>\n${docBlock('no-bundler-page')}</body></html>`,
    );
    const site = await serveFolder(project);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
    try {
      await page.goto(`${site.url}/no-bundler.html`);
      const promised = /\/\/ (.*)$/m.exec(
        docBlock('no-bundler-page')
          .split('\n')
          .find((line) => line.includes('document.body.append'))!,
      )![1]!;
      await page
        .waitForFunction(`document.body.textContent.includes(${JSON.stringify(promised)})`, undefined, {
          timeout: 20_000,
        })
        .catch((error: Error) => {
          throw new Error(`${error.message}\n${errors.join('\n')}`);
        });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await site.close();
    }
  });
});
