// `kaiten-webhooks proxy` as CI runs it: started, traffic through it, ended by --max-requests or a
// signal, a report and a verdict that match the exit code, JUnit and JSON written.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/platform/version';
import { send } from '../support/http';
import { SPEC_PATH } from '../support/spec-copies';
import { startWebhookServer } from '../fixtures/servers/webhook-server';

// Generous: a loaded CI machine shares its 2 cores with every server these tests start.
jest.setTimeout(30_000);

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli.js');
const AUTH = { 'content-type': 'application/json', authorization: 'Bearer good-token' };
const VALID = { url: 'https://hooks.example.com/kaiten', eventNames: ['CUSTOMER_CREATION'] };

interface Started {
  url: Promise<string>;
  signal(name: NodeJS.Signals): void;
  ended: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** The CLI in its own process; `url` settles when it says where it listens. */
function proxyCli(args: string[]): Started {
  const child = spawn(process.execPath, [CLI, 'proxy', '--port', '0', '--spec', SPEC_PATH, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let found: (url: string) => void = () => undefined;
  const url = new Promise<string>((resolve) => (found = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    const listening = /^proxy listening on (http:\/\/\S+),/m.exec(stdout)?.[1];
    if (listening !== undefined) found(listening);
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ended = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
  return { url, signal: (name) => child.kill(name), ended };
}

let server: Awaited<ReturnType<typeof startWebhookServer>>;
const work = mkdtempSync(join(tmpdir(), 'kaiten-proxy-cli-'));
beforeAll(async () => {
  server = await startWebhookServer({ tokens: ['good-token'], forbiddenTokens: [] });
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

it('--max-requests ends a clean run: PASSED, exit 0, JUnit and JSON written into new folders', async () => {
  const junit = join(work, 'ci', 'proxy.xml');
  const report = join(work, 'out', 'proxy.json');
  const run = proxyCli(['--upstream', server.url, '--max-requests', '3', '--junit', junit, '--report', report]);
  const url = await run.url;
  for (let i = 0; i < 3; i++) expect((await send(url, { headers: AUTH, body: VALID })).status).toBe(201);
  const { code, stdout, stderr } = await run.ended;
  expect(stderr).toBe('');
  expect(stdout).toContain('proxy stopped (--max-requests)');
  expect(stdout).toMatch(
    /^proxy: PASSED, 3 request\(s\): 0 request violation\(s\) \(consumer\), 0 answer violation\(s\) \(provider\); failing on either side; exit 0$/m,
  );
  expect(code).toBe(0);
  expect(readFileSync(junit, 'utf8')).toContain('<testsuites name="kaiten-webhooks proxy">');
  expect(JSON.parse(readFileSync(report, 'utf8'))).toMatchObject({
    exitCode: 0,
    reports: [
      { suite: 'requests (consumer)', cases: 3 },
      { suite: 'answers (provider)', answered: 3 },
    ],
  });
});

it('a signal ends a run with consumer drift: the violation logged as it happened, the report, exit 1', async () => {
  const run = proxyCli(['--upstream', server.url, '--fail-on', 'request']);
  const url = await run.url;
  await send(url, { headers: AUTH, body: { ...VALID, url: 'http://insecure.example.com' } });
  const live = await send(url, { method: 'GET', path: '/__proxy/report' });
  expect(live.body).toMatchObject({
    verdict: expect.stringMatching(/^proxy: FAILED, 1 request\(s\): 1 request violation/) as unknown,
  });
  run.signal('SIGINT');
  const { code, stdout } = await run.ended;
  expect(stdout).toMatch(
    /^REQUEST request_body_conformance: POST \/webhooks #1, as the client sent it: validation failed; body\.url: /m,
  );
  expect(stdout).toContain('proxy stopped (a signal)');
  expect(stdout).toContain('FAILED request_body_conformance (1)');
  expect(stdout).toMatch(/exit 1\n$/);
  expect(code).toBe(1);
});

it('nothing through the proxy is nothing checked: exit 2, never "passed"', async () => {
  const run = proxyCli(['--upstream', server.url]);
  await run.url;
  run.signal('SIGTERM');
  const { code, stdout } = await run.ended;
  expect(stdout).toMatch(/^proxy: NOTHING CHECKED, no request went through the proxy; exit 2$/m);
  expect(code).toBe(2);
});

it.each([
  [
    ['--upstream', 'http://127.0.0.1:1'],
    /could not start the proxy: the upstream http:\/\/127\.0\.0\.1:1 is unreachable \(ECONNREFUSED\)/,
  ],
  [['--upstream', 'ftp://example.com'], /--upstream must be an http or https URL/],
  [
    ['--fail-on', 'everything', '--upstream', 'http://127.0.0.1:1'],
    /--fail-on must be one of request, response, any, none, not "everything"/,
  ],
  [
    ['--upstream-ca', '/nonexistent.pem', '--upstream', 'https://127.0.0.1:1'],
    /--upstream-ca: cannot read \/nonexistent\.pem/,
  ],
  [[], /--upstream is required/],
  [
    ['--checks', 'boundaries', '--upstream', 'http://127.0.0.1:1'],
    /could not start the proxy: --checks: no check named "boundaries"; the checks are not_a_server_error, /,
  ],
])('bad input %j: one clear line, exit 2, no stack trace', async (args, message) => {
  const { code, stdout, stderr } = await proxyCli(args).ended;
  expect(`${stdout}${stderr}`).toMatch(message);
  expect(`${stdout}${stderr}`).not.toMatch(/\n\s+at /);
  expect(code).toBe(2);
  expect(existsSync(join(work, 'never'))).toBe(false);
});

it('--exclude-checks leaves an answer check out, and the report says so', async () => {
  const run = proxyCli([
    '--upstream',
    server.url,
    '--max-requests',
    '1',
    '--exclude-checks',
    'unique_ids,plausible_values',
  ]);
  const url = await run.url;
  await send(url, { headers: AUTH, body: VALID });
  const { code, stdout } = await run.ended;
  expect(stdout).toContain('  checks left out (--checks, --exclude-checks): unique_ids, plausible_values');
  expect(stdout).not.toMatch(/^ {2}passed +unique_ids/m);
  expect(code).toBe(0);
});

it('--duration ends the run by itself', async () => {
  const run = proxyCli(['--upstream', server.url, '--duration', '1']);
  const url = await run.url;
  await send(url, { headers: AUTH, body: VALID });
  const { code, stdout } = await run.ended;
  expect(stdout).toContain('proxy stopped (--duration)');
  expect(stdout).toMatch(/^proxy: PASSED, 1 request\(s\)/m);
  expect(code).toBe(0);
});
