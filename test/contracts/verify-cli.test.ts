// `kaiten-webhooks verify` as CI runs it: the built binary, both suites, exit codes, JUnit, and
// failure reports whose curl line really reproduces the failure.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMock } from '../../src/mock/start';
import { startWebhookServer } from '../fixtures/servers/webhook-server';
import { runBuiltCli } from '../support/cli';

const folder = mkdtempSync(join(tmpdir(), 'kaiten-verify-'));

it('the mock, started with --token, passes both suites: exit 0, every check passed, JUnit for both', async () => {
  const mock = await startMock({
    port: 0,
    logLevel: 'silent',
    watch: false,
    tokens: ['t0k3n'],
    forbiddenTokens: ['read-only'],
  });
  const junit = join(folder, 'mock.xml');
  try {
    const run = await runBuiltCli([
      'verify',
      '--base-url',
      mock.url,
      '--token',
      't0k3n',
      '--forbidden-token',
      'read-only',
      '--junit',
      junit,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n').at(-1)).toMatch(
      /^verify: PASSED, the target conforms \(contract \(jest\): 22 checks passed; contract \(dredd\): 15 checks passed, 7 not checked: no applicable answer\); exit 0$/,
    );
    // Dredd sends one request per documented response: the deeper classes are the Jest suite's.
    const notChecked = [...run.stdout.matchAll(/^ {2}not checked {2}(\w+) +no applicable answer$/gm)].map(
      (match) => match[1],
    );
    expect(notChecked).toEqual([
      'check_order',
      'all_violations_reported',
      'boundaries',
      'near_miss_rejection',
      'request_forms_accepted',
      'request_framing',
      'auth_forms_accepted',
    ]);
    const xml = readFileSync(junit, 'utf8');
    expect(xml.match(/<testsuite /g)).toHaveLength(3);
    expect(xml).not.toMatch(/<failure|<error/);
    expect(xml.match(/<skipped /g)).toHaveLength(7);
  } finally {
    await mock.close();
  }
}, 90_000);

it('reads the tokens from KAITEN_TOKEN and KAITEN_FORBIDDEN_TOKEN, a flag winning; the report names the source, never the value', async () => {
  const mock = await startMock({
    port: 0,
    logLevel: 'silent',
    watch: false,
    tokens: ['tok-9f2a'],
    forbiddenTokens: ['ro-77x1'],
  });
  try {
    const fromEnv = await runBuiltCli(['verify', '--base-url', mock.url], 90_000, {
      KAITEN_TOKEN: 'tok-9f2a',
      KAITEN_FORBIDDEN_TOKEN: 'ro-77x1',
    });
    expect(fromEnv.code).toBe(0);
    expect(
      fromEnv.stdout.match(
        /^ {2}credentials: token from \$KAITEN_TOKEN, forbidden token from \$KAITEN_FORBIDDEN_TOKEN$/gm,
      ),
    ).toHaveLength(2); // both suites
    expect(fromEnv.stdout).toMatch(/POST \/webhooks\s+403\s+3 \/ 3/); // the forbidden token was sent
    // A wrong token in the environment loses to the flag.
    const flagWins = await runBuiltCli(
      ['verify', '--base-url', mock.url, '--token', 'tok-9f2a', '--suite', 'jest'],
      90_000,
      { KAITEN_TOKEN: 'wrong', KAITEN_FORBIDDEN_TOKEN: 'ro-77x1' },
    );
    expect(flagWins.code).toBe(0);
    expect(flagWins.stdout).toContain('credentials: token from --token, forbidden token from $KAITEN_FORBIDDEN_TOKEN');
    for (const run of [fromEnv, flagWins]) expect(`${run.stdout}${run.stderr}`).not.toMatch(/tok-9f2a|ro-77x1/);
  } finally {
    await mock.close();
  }
}, 120_000);

it('the reference implementation under a path prefix passes (exit 0)', async () => {
  const server = await startWebhookServer({ tokens: ['good'], forbiddenTokens: ['ro'], prefix: '/api/v1' });
  try {
    const run = await runBuiltCli([
      'verify',
      '--base-url',
      `${server.url}/api/v1`,
      '--token',
      'good',
      '--forbidden-token',
      'ro',
      '--suite',
      'jest',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/POST \/webhooks\s+403\s+3 \/ 3\n/); // the token without the scope, alone and with two bad bodies
  } finally {
    await server.close();
  }
}, 90_000);

it('a broken implementation: exit 1, the failure grouped under its check, with a curl line that reproduces it', async () => {
  const server = await startWebhookServer({ tokens: ['good'], forbiddenTokens: [], defect: 'allows-http' });
  try {
    const run = await runBuiltCli([
      'verify',
      '--base-url',
      server.url,
      '--token',
      'good',
      '--suite',
      'jest',
      '--seed',
      '11',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^FAILED negative_data_rejection \(1\): /m);
    expect(run.stdout).toContain('POST /webhooks: url does not match ^https://[^/?#]+');
    expect(run.stdout).toMatch(/POST \/webhooks\s+403\s+0 \/ 0\s+not exercised: pass --forbidden-token\n/);
    expect(run.stdout).toContain('export KAITEN_TOKEN');
    expect(run.stdout).not.toContain('good'); // the token is never printed
    const curl = /^ {5}reproduce: (curl .*"url":"xhttps:\/\/a".*)$/m.exec(run.stdout)?.[1];
    expect(curl).toBeDefined();
    // Async: the server runs in this process, so a blocking call would never get its answer.
    const replay = await promisify(execFile)('bash', ['-c', `${curl!} --max-time 10`], {
      env: { ...process.env, KAITEN_TOKEN: 'good' },
      encoding: 'utf8',
    });
    expect(replay.stdout).toMatch(/^HTTP\/1\.1 201/);
  } finally {
    await server.close();
  }
}, 90_000);

it('a target that answers other requests but leaves one without an answer: exit 1, that request under every_request_answered with its curl line', async () => {
  const server = await startWebhookServer({ tokens: ['good'], forbiddenTokens: [], defect: 'hang-on-many-events' });
  try {
    const run = await runBuiltCli([
      'verify',
      '--base-url',
      server.url,
      '--token',
      'good',
      '--suite',
      'jest',
      '--timeout',
      '300',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^FAILED every_request_answered \(\d+\): /m);
    expect(run.stdout).toMatch(
      /eventNames with 27 items[^\n]*\n(?:[^\n]*\n)*? {5}got: {7}no answer\n {5}wrong: {5}no answer \(timeout: no complete answer within 300 ms\)\n(?:[^\n]*\n)*? {5}reproduce: curl /,
    );
    expect(run.stdout).not.toMatch(/^ERRORS of the run/m);
  } finally {
    await server.close();
  }
}, 90_000);

it.each([
  [['verify'], '--base-url is required'],
  [['verify', '--base-url', 'ftp://x'], '--base-url must be an http(s) URL'],
  [['verify', '--base-url', 'http://127.0.0.1:1'], 'cannot reach http://127.0.0.1:1: connection refused'],
  [['verify', '--base-url', 'http://127.0.0.1:1', '--suite', 'newman'], '--suite must be one of all, jest, dredd'],
  [
    ['verify', '--base-url', 'http://127.0.0.1:1', '--exclude-checks', 'nope'],
    '--exclude-checks: no check named "nope"; the checks are every_request_answered, not_a_server_error,',
  ],
])(
  '%j exits 2 with a clear message',
  async (args, message) => {
    const run = await runBuiltCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  },
  30_000,
);

it('an invalid spec exits 2 naming the spec', async () => {
  const spec = join(folder, 'bad.yaml');
  writeFileSync(spec, 'openapi: 3.1.0\n');
  const run = await runBuiltCli(['verify', '--base-url', 'http://127.0.0.1:1', '--spec', spec]);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(`cannot use the spec ${spec}`);
}, 30_000);
