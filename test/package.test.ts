// The package as a user meets it: packed with `npm pack`, installed into an empty project, and
// used from there: the CLI (mock and verify), the API from JavaScript, the types under tsc --strict.
// Needs dist/ built (`npm test` builds first).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useOkServer } from './support/ok-server';
import { docBlock } from './support/doc-blocks';
import { installedProject, startInstalledMock } from './support/installed';
import { listing, runIn, type MockProcess } from './support/project';

const work = mkdtempSync(join(tmpdir(), 'kaiten-package-'));
let project: string;
let tarball: string;
let mock: MockProcess;

beforeAll(async () => {
  project = await installedProject();
  tarball = join(project, 'vendor', 'kaiten-webhooks-harness.tgz');
  mock = await startInstalledMock(project);
}, 600_000);

afterAll(async () => {
  await mock?.stop();
  rmSync(work, { recursive: true, force: true });
});

/** A fresh, empty temporary folder for a child process: whatever is in it afterwards, the run left behind. */
function freshTmp(): string {
  const folder = join(work, `tmp-${Math.random().toString(36).slice(2)}`);
  mkdirSync(folder);
  return folder;
}

it('the tarball holds the built code, the spec and the licence, and no bench, tests, source maps or stray files', () => {
  const files = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  for (const needed of [
    'package/dist/src/cli.js',
    'package/dist/src/index.d.ts',
    'package/dist/contracts/api.contract.js',
    'package/dist/contracts/dredd/hooks.js',
    'package/dist/src/mock/control/page/index.html',
    'package/dist/src/mock/control/page/page.js',
    'package/spec/openapi.yaml',
    'package/LICENSE',
    'package/README.md',
    'package/dist/src/msw/index.js',
    'package/dist/browser/msw.mjs',
  ]) {
    expect(files).toContain(needed);
  }
  expect(files.filter((file) => /\/(bench|test)\/|\.map$|\.spectral|\/silent$|\.test\.js$/.test(file))).toEqual([]);
});

it('verify, installed, passes the mock: exit 0, JUnit written into a folder that did not exist, no temporary files left', async () => {
  const tmp = freshTmp();
  const run = await runIn(
    project,
    'npx',
    [
      'kaiten-webhooks',
      'verify',
      '--base-url',
      mock.url,
      '--token',
      'T',
      '--forbidden-token',
      'F',
      '--junit',
      'reports/ci/contract.xml',
    ],
    { TMPDIR: tmp },
  );
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^verify: PASSED, the target conforms .*; exit 0$/m);
  const junit = readFileSync(join(project, 'reports', 'ci', 'contract.xml'), 'utf8');
  expect(junit.match(/<testsuite /g)).toHaveLength(3); // jest checks, dredd checks, dredd requests
  expect(junit).not.toMatch(/<failure|<error/);
  expect(listing(tmp)).toEqual([]);
  const page = await fetch(`${mock.url}/__mock/`);
  expect(await page.text()).toContain('<title>Mock control');
  expect((await fetch(`${mock.url}/__mock/page.js`)).status).toBe(200);
}, 120_000);

describe('against a server that answers 200 {"ok":true} to everything', () => {
  const okServer = useOkServer();

  it('verify, installed, finds violations: exit 1, JUnit written, no temporary files left', async () => {
    const tmp = freshTmp();
    const run = await runIn(
      project,
      'npx',
      ['kaiten-webhooks', 'verify', '--base-url', okServer(), '--token', 'T', '--junit', 'reports/wrong/contract.xml'],
      { TMPDIR: tmp },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^verify: FAILED, \d+ failure\(s\) in \d+ check\(s\) .*; exit 1$/m);
    expect(readFileSync(join(project, 'reports', 'wrong', 'contract.xml'), 'utf8')).toContain('<failure');
    expect(listing(tmp)).toEqual([]);
  }, 120_000);
});

it('startMock and verify work from JavaScript (CommonJS and ESM), with the catalogue and examples derived from the spec', async () => {
  writeFileSync(
    join(project, 'use.cjs'),
    `const { startMock, verify, EVENT_NAMES, EXAMPLES } = require('kaiten-webhooks-harness');
(async () => {
  const mock = await startMock({ port: 0, logLevel: 'silent', watch: false, tokens: ['T'] });
  const created = await fetch(mock.url + '/webhooks', { method: 'POST', headers: { authorization: 'Bearer T', 'content-type': 'application/json' }, body: JSON.stringify(EXAMPLES['create-webhook'].request['single-event']) });
  const result = await verify({ baseUrl: mock.url, token: 'T', suite: 'jest' });
  await mock.close();
  console.log(JSON.stringify({ status: created.status, events: EVENT_NAMES.length, exitCode: result.exitCode, suites: result.reports.map((r) => r.suite) }));
})();
`,
  );
  writeFileSync(
    join(project, 'use.mjs'),
    "import { EVENT_NAMES, startMock } from 'kaiten-webhooks-harness';\nconsole.log(typeof startMock, EVENT_NAMES[0]);\n",
  );
  const cjs = await runIn(project, process.execPath, ['use.cjs']);
  expect(cjs.stderr).toBe('');
  expect(JSON.parse(cjs.stdout)).toEqual({ status: 201, events: 27, exitCode: 0, suites: ['contract (jest)'] });
  const esm = await runIn(project, process.execPath, ['use.mjs']);
  expect(esm.stdout.trim()).toBe('function CUSTOMER_CREATION');
}, 120_000);

it('the types compile under tsc --strict (library checks on), and reject what the spec rejects', async () => {
  writeFileSync(
    join(project, 'use.ts'),
    `import { EVENT_NAMES, EXAMPLES, startMock, verify, type CreateWebhookRequest, type EventName, type VerifyResult, type Webhook } from 'kaiten-webhooks-harness';
const request: CreateWebhookRequest = { url: 'https://hooks.example.com', eventNames: [EVENT_NAMES[0]!] };
const example: CreateWebhookRequest = EXAMPLES['create-webhook'].request['many-events'];
// @ts-expect-error an event outside the catalogue
const wrong: EventName = 'CUSTOMER_ARCHIVED';
export async function main(): Promise<number> {
  const mock = await startMock({ port: 0 });
  const result: VerifyResult = await verify({ baseUrl: mock.url, suite: 'jest' });
  const webhook: Webhook | undefined = undefined;
  await mock.close();
  return result.exitCode + request.eventNames.length + example.eventNames.length + (webhook === undefined ? 0 : 1) + wrong.length;
}
`,
  );
  const tsc = await runIn(project, join(project, 'node_modules', '.bin', 'tsc'), [
    '--strict',
    '--noEmit',
    '--module',
    'node16',
    '--target',
    'es2022',
    '--types',
    'node',
    'use.ts',
  ]);
  expect(tsc.stdout + tsc.stderr).toBe('');
  expect(tsc.code).toBe(0);
}, 120_000);

describe('the MSW handlers, installed with msw 2.10.5 (the oldest msw docs/msw.md names)', () => {
  it("docs/msw.md's Node script runs as written and prints what its comments say", async () => {
    const script = docBlock('msw-node');
    writeFileSync(join(project, 'msw-node.mjs'), script);
    const run = await runIn(project, process.execPath, ['msw-node.mjs']);
    expect(run.stderr).toBe('');
    const promised = [...script.matchAll(/console\.log\(.*\); \/\/ (.*)$/gm)].map(([, comment]) => comment);
    expect(promised.length).toBe(4);
    expect(run.stdout.trim().split('\n')).toEqual(promised);
  }, 60_000);

  it('a bundler asking for the browser build gets dist/browser/msw.mjs, which loads and answers', async () => {
    const resolved = await runIn(project, process.execPath, [
      '--conditions=browser',
      '-p',
      "require.resolve('kaiten-webhooks-harness/msw')",
    ]);
    expect(resolved.stdout.trim()).toMatch(/node_modules\/kaiten-webhooks-harness\/dist\/browser\/msw\.mjs$/);
    writeFileSync(
      join(project, 'msw-browser-build.mjs'),
      `import { setupServer } from 'msw/node';
import { createHandlers } from 'kaiten-webhooks-harness/msw/browser';
const server = setupServer(...createHandlers({ baseUrl: 'https://app.test' }).handlers);
server.listen();
const answer = await fetch('https://app.test/webhooks', { method: 'POST', headers: { authorization: 'Bearer x' } });
console.log(answer.status, (await answer.json()).detail);
server.close();
`,
    );
    const run = await runIn(project, process.execPath, ['msw-browser-build.mjs']);
    expect(run.stdout.trim()).toBe('400 request body is required');
  }, 60_000);
});

it('the installed proxy checks traffic to the installed mock: --max-requests ends it with PASSED, exit 0', async () => {
  const proxy = spawn(
    join(project, 'node_modules', '.bin', 'kaiten-webhooks'),
    ['proxy', '--upstream', mock.url, '--port', '0', '--max-requests', '1'],
    { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  const listening = new Promise<string>((resolve) =>
    proxy.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /^proxy listening on (http:\/\/\S+),/m.exec(stdout)?.[1];
      if (url !== undefined) resolve(url);
    }),
  );
  const exited = new Promise<number | null>((resolve) => proxy.on('exit', resolve));
  const answer = await fetch(`${await listening}/webhooks`, {
    method: 'POST',
    headers: { authorization: 'Bearer T', 'content-type': 'application/json' },
    body: JSON.stringify({ url: 'https://a.example.com/k', eventNames: ['CUSTOMER_CREATION'] }),
  });
  expect(answer.status).toBe(201);
  expect(await exited).toBe(0);
  expect(stdout).toMatch(
    /^proxy: PASSED, 1 request\(s\): 0 request violation\(s\) \(consumer\), 0 answer violation\(s\) \(provider\); failing on either side; exit 0$/m,
  );
}, 60_000);

it('bad input to the installed CLI: one clear line and exit 2, never a stack trace', async () => {
  const run = await runIn(project, 'npx', [
    'kaiten-webhooks',
    'verify',
    '--base-url',
    'http://127.0.0.1:1',
    '--junit',
    'reports/unreachable.xml',
  ]);
  expect(run.code).toBe(2);
  expect(run.stderr.trim()).toBe('kaiten-webhooks: cannot reach http://127.0.0.1:1: connection refused');
  expect(readFileSync(join(project, 'reports', 'unreachable.xml'), 'utf8')).toContain(
    '<error message="could not verify: cannot reach http://127.0.0.1:1: connection refused"/>',
  );
  expect(existsSync(join(project, 'node_modules', 'kaiten-webhooks-harness', 'dist', 'bench'))).toBe(false);
}, 60_000);
