// Progress on long runs: one line rewritten in place when standard error is a terminal (here a
// pseudo-terminal from util-linux's `script`), nothing of it when it is not (CI logs stay clean).
import { join } from 'node:path';
import { startMock, type RunningMock } from '../../src/mock/start';
import { PACKAGE_ROOT } from '../../src/platform/version';
import { runIn } from '../support/project';

jest.setTimeout(90_000);
const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli.js');
const CLEAR = '\r\x1b[2K';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0, logLevel: 'silent', watch: false, tokens: ['t'] });
});
afterAll(() => mock.close());

const verifyArgs = () => [CLI, 'verify', '--base-url', mock.url, '--token', 't'];

it('verify on a terminal: cases sent out of the total per suite, in place, cleared before the report', async () => {
  const command = verifyArgs()
    .map((word) => `'${word}'`)
    .join(' ');
  const run = await runIn(PACKAGE_ROOT, 'script', ['-qfec', `'${process.execPath}' ${command}`, '/dev/null']);
  expect(run.code).toBe(0);
  // eslint-disable-next-line no-control-regex -- the progress line is terminal control codes
  const jest = [...run.stdout.matchAll(/\r\x1b\[2Kcontract \(jest\): (\d+)\/(\d+) cases sent/g)].map((match) => [
    Number(match[1]),
    Number(match[2]),
  ]);
  expect(jest.length).toBeGreaterThan(0);
  expect(jest.at(-1)![0]).toBe(jest.at(-1)![1]); // the last update shows every case sent
  // eslint-disable-next-line no-control-regex
  expect(run.stdout).toMatch(/\r\x1b\[2Kcontract \(dredd\): \d+\/\d+ transactions run/);
  // Cleared before the report: after the last clear comes the report itself, on a clean line.
  expect(run.stdout.slice(run.stdout.lastIndexOf(CLEAR) + CLEAR.length)).toMatch(
    /^contract \(jest\): http:\/\/127\.0\.0\.1:\d+ against /,
  );
});

it('verify into a pipe: no progress at all', async () => {
  const run = await runIn(PACKAGE_ROOT, process.execPath, verifyArgs());
  expect(run.code).toBe(0);
  expect(`${run.stdout}${run.stderr}`).not.toContain('\x1b[');
});

it('proxy on a terminal: a running count of requests and violations, in place, cleared before the report', async () => {
  const client =
    "fetch(process.env.KAITEN_PROXY_URL + '/webhooks', { method: 'POST', headers: { authorization: 'Bearer t', 'content-type': 'application/json' }, body: '{}' }).then(() => setTimeout(() => undefined, 800))";
  const command = [
    process.execPath,
    CLI,
    'proxy',
    '--upstream',
    mock.url,
    '--port',
    '0',
    '--',
    process.execPath,
    '-e',
    client,
  ]
    .map((word) => `'${word.replace(/'/g, "'\\''")}'`)
    .join(' ');
  const run = await runIn(PACKAGE_ROOT, 'script', ['-qfec', command, '/dev/null']);
  expect(run.stdout).toContain(`${CLEAR}proxy: 1 request(s), 1 consumer / 0 provider violation(s)`);
  expect(run.stdout.slice(run.stdout.lastIndexOf(CLEAR) + CLEAR.length)).toMatch(
    /^proxy stopped \(the command ended with exit code 0\)/,
  );
});
