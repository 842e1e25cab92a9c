// The README's commands, run as written: every row of "How to get each answer" against a mock
// started with the flags the README gives, and the "verify the mock" command. A README line that
// fails as written fails here.
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { promisify } from 'node:util';
import { PACKAGE_ROOT } from '../src/version';
import { spawnListening, type MockProcess } from './support/project';


const README = readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8');
const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli.js');
const bash = (script: string, cwd = PACKAGE_ROOT) => promisify(execFile)('bash', ['-c', script], { cwd, encoding: 'utf8', timeout: 60_000 });

/** The flags of a README line `npm start -- FLAGS` that follows `after`. */
function startFlags(after: string): string[] {
  const line = /^npm start -- (.*?)(?:\s+#.*)?$/m.exec(README.slice(README.indexOf(after)))?.[1];
  if (line === undefined) throw new Error(`no "npm start -- ..." line after "${after}" in the README`);
  return line.split(/\s+/);
}

/** Starts the mock as `npm start -- FLAGS` does, on a free port instead of 4010. */
const startAsReadme = (flags: string[]) => spawnListening(PACKAGE_ROOT, process.execPath, [CLI, 'mock', ...flags, '--port', '0', '--no-watch', '--log-level', 'silent']);

describe('"How to get each answer"', () => {
  const section = README.slice(README.indexOf('### How to get each answer'), README.indexOf('### Answers an operation does not document'));
  const rows = [...section.matchAll(/^\| (\d{3})([^|]*) \| `(curl [^`]+)` \|$/gm)].map(([, status, rest, command]) => [`${status}${rest}`, Number(status), command!] as const);
  const variables = /with `(M=[^`]+)` and\s+`(H=\([^`]+\))`/.exec(section);
  let mock: MockProcess;

  beforeAll(async () => {
    mock = await startAsReadme(startFlags('### How to get each answer'));
  });
  afterAll(() => mock.stop());

  it('has a row for every documented status and the README defines M and H', () => {
    expect(new Set(rows.map(([, status]) => status))).toEqual(new Set([201, 400, 401, 403, 415, 422, 500]));
    expect(variables).not.toBeNull();
  });

  it.each(rows)('%s', async (_answer, status, command) => {
    const [, m, h] = variables!;
    const script = `${m!.replace('http://127.0.0.1:4010', mock.url)}\n${h!}\n${command} -o /dev/null -w '%{http_code}'`;
    expect((await bash(script)).stdout).toBe(String(status));
  });
});

it('"verify the mock" passes as written: exit 0 and the JUnit file', async () => {
  const mock = await startAsReadme(startFlags('Against the mock'));
  // Run here, where `npx kaiten-webhooks` is this package; the JUnit path is relative to it.
  const junit = join(PACKAGE_ROOT, 'reports', 'contract.xml');
  rmSync(junit, { force: true });
  try {
    const command = /^npx kaiten-webhooks verify --base-url http:\/\/127\.0\.0\.1:4010 .*$/m.exec(README.slice(README.indexOf('Against the mock')))![0];
    expect(command).toContain('--junit reports/contract.xml');
    const run = await bash(command.replace('http://127.0.0.1:4010', mock.url));
    expect(run.stdout).toMatch(/^verify: PASSED, the target conforms .*; exit 0$/m);
    expect(readFileSync(junit, 'utf8')).toContain('<testsuite name="contract (jest)"');
  } finally {
    await mock.stop();
    rmSync(junit, { force: true });
  }
}, 90_000);

it('"Reproducing an error case" stages the 500 as written, the app then gets it once, and the journal shows why', async () => {
  const mock = await startAsReadme([]);
  try {
    const section = README.slice(README.indexOf('### Reproducing an error case'));
    const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!.replaceAll('http://127.0.0.1:4010', mock.url);
    const [stage, journal] = block.split('\n').filter((line) => line.startsWith('curl') || line.startsWith('  -d')).reduce<string[]>((commands, line) => (line.startsWith('curl') ? [...commands, line] : [...commands.slice(0, -1), `${commands.at(-1)!.replace(/\\$/, '')} ${line.trim()}`]), []);
    expect(JSON.parse((await bash(stage!)).stdout)).toMatchObject({ answers: [{ code: 500, example: 'internal-error', times: 1 }] });
    const app = `curl -s -o /dev/null -w '%{http_code}' ${mock.url}/webhooks -H 'Authorization: Bearer dev' -H 'Content-Type: application/json' -d '{"url":"https://a.example.com","eventNames":["RELEASE_CREATION"]}'`;
    expect([(await bash(app)).stdout, (await bash(app)).stdout]).toEqual(['500', '201']);
    const { requests } = JSON.parse((await bash(journal!.replace(/\s+#.*$/, ''))).stdout) as { requests: { reason: string }[] };
    expect(requests.map((entry) => entry.reason)).toEqual(['queued answer', 'reflected']);
  } finally {
    await mock.stop();
  }
}, 30_000);

it('the browser build\'s size it states is within 5% of the build\'s', () => {
  const [, minified, gzipped] = /about ([\d,]+) KiB minified, ([\d,]+) KiB gzipped/.exec(README)!;
  const bytes = readFileSync(join(PACKAGE_ROOT, 'dist', 'browser', 'msw.mjs'));
  const within = (stated: string, actual: number) => Math.abs(Number(stated.replace(',', '')) * 1024 - actual) / actual;
  expect(within(minified!, bytes.length)).toBeLessThan(0.05);
  expect(within(gzipped!, gzipSync(bytes).length)).toBeLessThan(0.05);
});
