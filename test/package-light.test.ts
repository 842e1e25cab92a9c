// A mock user's install: the packed package alone, without verify's optional peers (Jest, Dredd).
// The mock, the proxy, the API and the MSW handlers work; verify says in one line what to add, and
// once that line is run as printed, it works too. Both install sizes are measured and written to
// reports/install-size.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/platform/version';
import { installedProject, startInstalledMock } from './support/installed';
import { runIn, type MockProcess } from './support/project';

jest.setTimeout(600_000);

let project: string;
let mock: MockProcess;
const sizes: Record<string, { packages: number; megabytes: number }> = {};

/** Packages under node_modules (every folder with a package.json npm installed) and their size on disk. */
function measure(): { packages: number; megabytes: number } {
  const listed = execFileSync('npm', ['ls', '--all', '--parseable'], { cwd: project, encoding: 'utf8' })
    .trim()
    .split('\n');
  const kilobytes = Number(
    execFileSync('du', ['-sk', join(project, 'node_modules')], { encoding: 'utf8' }).split('\t')[0],
  );
  return { packages: listed.length - 1, megabytes: Math.round(kilobytes / 1024) }; // the first line is the project itself
}

const npx = (...args: string[]) => runIn(project, 'npx', ['kaiten-webhooks', ...args]);

beforeAll(async () => {
  project = await installedProject('light');
  sizes.mock = measure();
  mock = await startInstalledMock(project);
}, 900_000);

afterAll(async () => {
  await mock?.stop();
  mkdirSync(join(PACKAGE_ROOT, 'reports'), { recursive: true });
  writeFileSync(join(PACKAGE_ROOT, 'reports', 'install-size.json'), `${JSON.stringify(sizes, null, 2)}\n`);
  rmSync(project, { recursive: true, force: true }); // it gets Jest and Dredd below: not light any more
});

it('holds neither Jest nor Dredd, and is the smaller install', () => {
  expect(existsSync(join(project, 'node_modules', 'jest'))).toBe(false);
  expect(existsSync(join(project, 'node_modules', 'dredd'))).toBe(false);
  expect(sizes.mock!.packages).toBeLessThan(250);
});

it('the mock and the proxy in front of it run', async () => {
  const created = await fetch(`${mock.url}/webhooks`, {
    method: 'POST',
    headers: { authorization: 'Bearer T', 'content-type': 'application/json' },
    body: '{"url":"https://a.example.com/k","eventNames":["CUSTOMER_CREATION"]}',
  });
  expect(created.status).toBe(201);
  const client =
    "fetch(process.env.KAITEN_PROXY_URL + '/webhooks', { method: 'POST', headers: { authorization: 'Bearer T', 'content-type': 'application/json' }, body: '{}' }).then((r) => console.log('through the proxy', r.status))";
  const run = await npx('proxy', '--upstream', mock.url, '--port', '0', '--', process.execPath, '-e', client);
  expect(run.stdout).toContain('through the proxy 422');
  expect(run.code).toBe(1); // the client's invalid body is consumer drift
});

it('the API from JavaScript starts the mock without Jest or Dredd', async () => {
  writeFileSync(
    join(project, 'api.cjs'),
    "require('kaiten-webhooks-harness').startMock({ port: 0, logLevel: 'silent', watch: false }).then(async (m) => { console.log(typeof m.url, require('kaiten-webhooks-harness').EVENT_NAMES.length); await m.close(); });",
  );
  const run = await runIn(project, process.execPath, ['api.cjs']);
  expect(run.stderr).toBe('');
  expect(run.stdout.trim()).toBe('string 27');
});

it.each([
  [[], 'verify runs Jest and Dredd, optional dependencies that are not installed: npm i -D dredd@14.1.0 jest@30.5.2'],
  [['--suite', 'jest'], '--suite jest runs Jest, optional dependencies that are not installed: npm i -D jest@30.5.2'],
  [
    ['--suite', 'dredd'],
    '--suite dredd runs Dredd, optional dependencies that are not installed: npm i -D dredd@14.1.0',
  ],
])('verify %j says in one line which exact packages to add, and exits 2', async (suite, line) => {
  const run = await npx('verify', '--base-url', 'http://127.0.0.1:1', ...suite);
  expect(run.stderr).toBe(`kaiten-webhooks: ${line}\n`);
  expect(run.code).toBe(2);
});

it('after the line verify printed, run as printed, verify passes the mock', async () => {
  const line = 'npm i -D dredd@14.1.0 jest@30.5.2';
  const [command, ...args] = line.split(' ');
  const added = await runIn(project, command!, [...args, '--prefer-offline', '--no-audit', '--no-fund'], {}, 600_000);
  expect(added.code).toBe(0);
  sizes.verify = measure();
  const run = await npx('verify', '--base-url', mock.url, '--token', 'T', '--forbidden-token', 'F');
  expect(run.stdout).toMatch(/^verify: PASSED/m);
  expect(run.code).toBe(0);
  expect(readFileSync(join(project, 'package.json'), 'utf8')).toMatch(/"jest":\s*"\^?30\.5\.2"/);
});

it('the MSW handlers answer with msw added', async () => {
  const added = await runIn(
    project,
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', 'msw@2.10.5'],
    {},
    600_000,
  );
  expect(added.code).toBe(0);
  writeFileSync(
    join(project, 'msw.mjs'),
    "import { setupServer } from 'msw/node';\nimport { createHandlers } from 'kaiten-webhooks-harness/msw';\nconst server = setupServer(...createHandlers({ baseUrl: 'https://app.test' }).handlers);\nserver.listen();\nconsole.log((await fetch('https://app.test/webhooks', { method: 'POST' })).status);\nserver.close();\n",
  );
  expect((await runIn(project, process.execPath, ['msw.mjs'])).stdout.trim()).toBe('401');
});
