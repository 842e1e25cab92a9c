// What `verify` says, and what it leaves behind, when the target or the setup is wrong: checks
// with nothing to judge, a refused token, an all-wrong server, nothing reachable, an interrupt.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMock, type RunningMock } from '../../src/mock/start';
import { PACKAGE_ROOT } from '../../src/platform/version';
import { runNode } from '../support/cli';
import { useOkServer } from '../support/ok-server';

const folder = mkdtempSync(join(tmpdir(), 'kaiten-report-'));
const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli.js');

/** Runs the built CLI with its own empty temporary folder, to see what it leaves there. */
async function verify(args: string[]) {
  const tmp = mkdtempSync(join(folder, 'tmp-'));
  const run = await runNode([CLI, 'verify', '--seed', '7', ...args], 90_000, { TMPDIR: tmp });
  return { ...run, left: readdirSync(tmp), lastLine: run.stdout.trim().split('\n').at(-1) };
}

describe('a server that answers 200 {"ok":true} to everything', () => {
  const okServer = useOkServer();

  it('checks that had no applicable answer say "not checked", never "passed", and are skipped in JUnit', async () => {
    const junit = join(folder, 'ok', 'deep', 'contract.xml');
    const run = await verify(['--base-url', okServer(), '--token', 'T', '--junit', junit]);
    expect(run.code).toBe(1);
    for (const name of [
      'response_schema_conformance',
      'positive_data_acceptance',
      'content_type_conformance',
      'response_reflects_request',
      'unique_ids',
      'timestamps_in_order',
    ]) {
      expect(run.stdout).toMatch(new RegExp(`^ {2}not checked {2}${name} +no applicable answer$`, 'm'));
      expect(run.stdout).not.toMatch(new RegExp(`^ {2}passed +${name}`, 'm'));
      expect(readFileSync(junit, 'utf8')).toMatch(
        new RegExp(
          `<testcase classname="contract \\((jest|dredd)\\)" name="${name}" time="\\d+\\.\\d{3}"><skipped message="not checked \\(no applicable answer\\)"/></testcase>`,
        ),
      );
    }
    expect(run.left).toEqual([]);
  }, 90_000);

  it('an all-wrong server gives a bounded report: a few failures per check in full, the rest named on one line, one verdict last', async () => {
    const junit = join(folder, 'bounded.xml');
    const run = await verify(['--base-url', okServer(), '--token', 'T', '--junit', junit]);
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    // Bounded by the checks (at most three failures each in full), not by the cases sent.
    expect(lines.length).toBeLessThan(22 * 25);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThan(3000);
    // status_code_conformance fails for every one of the hundred-odd answers; three are shown in full.
    expect(run.stdout).toMatch(
      /^FAILED status_code_conformance \([1-9]\d\d\): [^\n]*\n(?: {2}[123]\) [\s\S]*?){3}\n {2}… and [1-9]\d\d more: /m,
    );
    expect(statSync(junit).size).toBeLessThan(120_000);
    expect(run.lastLine).toMatch(
      /^verify: FAILED, \d+ failure\(s\) in \d+ check\(s\) \(contract \(jest\): \d+ failure\(s\); contract \(dredd\): \d+ failure\(s\)\); exit 1$/,
    );
    expect(run.stdout.match(/^verify: /gm)).toHaveLength(2); // the summary first, the verdict again last
    expect(run.stdout.split('\n')[0]).toBe(run.lastLine);
  }, 90_000);
});

describe('a mock that accepts only its own token', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, logLevel: 'silent', watch: false, tokens: ['right'] });
  });
  afterAll(() => mock.close());

  it.each([
    [['--token', 'wrong'], 'the token given was sent'],
    [[], 'no --token or $KAITEN_TOKEN was given, so "kaiten-webhooks-verify" was sent'],
  ])(
    'with %j is a setup error: exit 2, one line with a hint, not dozens of violations; JUnit says so as an <error>',
    async (token, which) => {
      const junit = join(folder, `token-${token.length}.xml`);
      const run = await verify(['--base-url', mock.url, ...token, '--junit', junit]);
      expect(run.code).toBe(2);
      const hint = `the target answered 401 to every request with valid credentials (${which}): pass a token the target accepts (--token or $KAITEN_TOKEN)`;
      expect(run.lastLine).toBe(`verify: COULD NOT VERIFY (${hint}); exit 2`);
      expect(run.stdout).not.toContain('FAILED');
      expect(readFileSync(junit, 'utf8')).toContain(
        `<error message="could not verify: ${hint.replace(/"/g, '&quot;')}"/>`,
      );
      expect(run.left).toEqual([]);
    },
    90_000,
  );
});

it.each([
  [
    'an unreachable target',
    ['--base-url', 'http://127.0.0.1:1'],
    'cannot reach http://127.0.0.1:1: connection refused',
  ],
  [
    'an unusable spec',
    ['--base-url', 'http://127.0.0.1:1', '--spec', join(PACKAGE_ROOT, 'package.json')],
    `cannot use the spec ${join(PACKAGE_ROOT, 'package.json')}`,
  ],
])(
  '%s: exit 2, one line, and still a JUnit file with one <error> testcase',
  async (_what, args, message) => {
    const junit = join(folder, 'not', 'there', 'yet.xml');
    const run = await verify([...args, '--junit', junit]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(message);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(
      /<testsuite name="kaiten-webhooks verify" tests="1" failures="0" errors="1" skipped="0" time="0.000">/,
    );
    expect(xml).toContain(`<error message="could not verify: ${message}`);
    expect(run.left).toEqual([]);
  },
  30_000,
);

it('a JUnit path that cannot be written: exit 2 with the reason, no stack trace', async () => {
  const blocker = join(folder, 'a-file');
  writeFileSync(blocker, '');
  const run = await verify(['--base-url', 'http://127.0.0.1:1', '--junit', join(blocker, 'contract.xml')]);
  expect(run.code).toBe(2);
  expect(run.stderr.trim()).toBe(
    `kaiten-webhooks: cannot reach http://127.0.0.1:1: connection refused; cannot write the JUnit file ${join(blocker, 'contract.xml')}: EEXIST: file already exists, mkdir '${blocker}'`,
  );
  expect(run.stderr).not.toMatch(/\n\s+at /);
}, 30_000);

it('interrupted (SIGINT) while a target hangs: exit 2 at once, JUnit says so, no temporary folder left', async () => {
  const hanging = createServer(() => undefined); // accepts, never answers
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
  // The reachability probe needs an answer: answer it, then hang on everything else.
  hanging.on('request', (request, response) => {
    if (request.method === 'GET') response.end();
  });
  const tmp = mkdtempSync(join(folder, 'tmp-'));
  const junit = join(folder, 'interrupted.xml');
  const child = spawn(process.execPath, [CLI, 'verify', '--base-url', url, '--timeout', '60000', '--junit', junit], {
    env: { ...process.env, TMPDIR: tmp },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise((resolve) => setTimeout(resolve, 2500)); // Jest is loaded and the cases are in flight
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  child.kill('SIGINT');
  const code = await exited;
  hanging.closeAllConnections();
  await new Promise((resolve) => hanging.close(resolve));
  expect(code).toBe(2);
  expect(stderr.trim()).toBe('kaiten-webhooks: interrupted');
  expect(readFileSync(junit, 'utf8')).toContain('<error message="could not verify: interrupted"/>');
  expect(readdirSync(tmp)).toEqual([]);
}, 30_000);
