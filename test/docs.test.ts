// The docs' commands, run as written: every row of "How to get each answer" against a mock
// started with the flags the page gives, the README's quick starts, "verify the mock" and the
// control surface's curl lines. And every command block of README.md and docs/ is either run by a
// test (`<!-- run: NAME -->`, NAME named in a test file) or says why not (`<!-- not run: ... -->`).
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { promisify } from 'node:util';
import { PACKAGE_ROOT } from '../src/platform/version';
import { docBlock, docBlocks, docPage } from './support/doc-blocks';
import { spawnListening, type MockProcess } from './support/project';

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli.js');
const bash = (script: string, cwd = PACKAGE_ROOT) =>
  promisify(execFile)('bash', ['-c', script], { cwd, encoding: 'utf8', timeout: 60_000 });

/** The flags of a line `npm start -- FLAGS` in a block. */
function startFlags(block: string): string[] {
  const line = /^npm start -- (.*?)(?:\s+#.*)?$/m.exec(block)?.[1];
  if (line === undefined) throw new Error(`no "npm start -- ..." line in:\n${block}`);
  return line.split(/\s+/);
}

/** Starts the mock as `npm start -- FLAGS` does, on a free port instead of 4010. */
const startAsDocs = (flags: string[]) =>
  spawnListening(PACKAGE_ROOT, process.execPath, [
    CLI,
    'mock',
    ...flags,
    '--port',
    '0',
    '--no-watch',
    '--log-level',
    'silent',
  ]);
const onPort = (script: string, mock: MockProcess) => script.replaceAll('http://127.0.0.1:4010', mock.url);

describe('docs/mock.md "How to get each answer"', () => {
  const page = docPage('docs/mock.md');
  const section = page.slice(
    page.indexOf('## How to get each answer'),
    page.indexOf('## Answers an operation does not document'),
  );
  const rows = [...section.matchAll(/^\| (\d{3})([^|]*) \| `(curl [^`]+)` \|$/gm)].map(
    ([, status, rest, command]) => [`${status}${rest}`, Number(status), command!] as const,
  );
  const variables = /with `(M=[^`]+)` and\s+`(H=\([^`]+\))`/.exec(section);
  let mock: MockProcess;

  beforeAll(async () => {
    mock = await startAsDocs(startFlags(docBlock('mock-start')));
  });
  afterAll(() => mock.stop());

  it('has a row for every documented status and defines M and H', () => {
    expect(new Set(rows.map(([, status]) => status))).toEqual(new Set([201, 400, 401, 403, 415, 422, 500]));
    expect(variables).not.toBeNull();
  });

  it.each(rows)('%s', async (_answer, status, command) => {
    const [, m, h] = variables!;
    const script = `${onPort(m!, mock)}\n${h!}\n${command} -o /dev/null -w '%{http_code}'`;
    expect((await bash(script)).stdout).toBe(String(status));
  });
});

describe("the README's quick starts", () => {
  let mock: MockProcess;
  beforeAll(async () => {
    mock = await startAsDocs(
      /^npx kaiten-webhooks mock (.*?)(?:\s+#.*)?$/m.exec(docBlock('readme-mock'))![1]!.split(/\s+/),
    );
  });
  afterAll(() => mock.stop());

  it('the mock line starts the mock, and the two curl lines get the 422 example and the real 422', async () => {
    // One command per line once continuations are joined; each prints one problem+json body.
    const lines = onPort(docBlock('readme-curl'), mock)
      .replace(/\\\n\s*/g, ' ')
      .split('\n')
      .filter(Boolean);
    expect(lines).toHaveLength(2);
    const answers = await Promise.all(
      lines.map(async (line) => JSON.parse((await bash(line)).stdout) as { status: number; errors?: unknown[] }),
    );
    expect(answers.map((answer) => answer.status)).toEqual([422, 422]);
    expect(answers[1]!.errors).toHaveLength(2); // http:// and no event: the request's own violations
  });
});

it('docs/verify.md "verify the mock" passes as written: exit 0 and the JUnit file', async () => {
  const block = docBlock('verify-the-mock');
  const mock = await startAsDocs(startFlags(block));
  const junit = join(PACKAGE_ROOT, 'reports', 'contract.xml');
  rmSync(junit, { force: true });
  try {
    const command = /^npx kaiten-webhooks verify --base-url http:\/\/127\.0\.0\.1:4010 .*$/m.exec(block)![0];
    expect(command).toContain('--junit reports/contract.xml');
    const run = await bash(onPort(command, mock));
    expect(run.stdout).toMatch(/^verify: PASSED, the target conforms .*; exit 0$/m);
    expect(readFileSync(junit, 'utf8')).toContain('<testsuite name="contract (jest)"');
  } finally {
    await mock.stop();
    rmSync(junit, { force: true });
  }
}, 90_000);

it('docs/control-surface.md stages the 500 as written, the app then gets it once, and the journal shows why', async () => {
  const mock = await startAsDocs([]);
  try {
    const block = onPort(docBlock('control-surface-curl'), mock);
    const [stage, journal] = block
      .split('\n')
      .filter((line) => line.startsWith('curl') || line.startsWith('  -d'))
      .reduce<string[]>(
        (commands, line) =>
          line.startsWith('curl')
            ? [...commands, line]
            : [...commands.slice(0, -1), `${commands.at(-1)!.replace(/\\$/, '')} ${line.trim()}`],
        [],
      );
    expect(JSON.parse((await bash(stage!)).stdout)).toMatchObject({
      answers: [{ code: 500, example: 'internal-error', times: 1 }],
    });
    const app = `curl -s -o /dev/null -w '%{http_code}' ${mock.url}/webhooks -H 'Authorization: Bearer dev' -H 'Content-Type: application/json' -d '{"url":"https://a.example.com","eventNames":["RELEASE_CREATION"]}'`;
    expect([(await bash(app)).stdout, (await bash(app)).stdout]).toEqual(['500', '201']);
    const { requests } = JSON.parse((await bash(journal!.replace(/\s+#.*$/, ''))).stdout) as {
      requests: { reason: string }[];
    };
    expect(requests.map((entry) => entry.reason)).toEqual(['queued answer', 'reflected']);
  } finally {
    await mock.stop();
  }
}, 30_000);

it("docs/msw.md's browser build size is within 5% of the build's", () => {
  const [, minified, gzipped] = /about ([\d,]+) KiB minified, ([\d,]+) KiB gzipped/.exec(docPage('docs/msw.md'))!;
  const bytes = readFileSync(join(PACKAGE_ROOT, 'dist', 'browser', 'msw.mjs'));
  const within = (stated: string, actual: number) => Math.abs(Number(stated.replace(',', '')) * 1024 - actual) / actual;
  expect(within(minified!, bytes.length)).toBeLessThan(0.05);
  expect(within(gzipped!, gzipSync(bytes).length)).toBeLessThan(0.05);
});

describe('every command block of README.md and docs/', () => {
  const testSources = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? testSources(join(folder, entry.name))
        : entry.name.endsWith('.ts')
          ? [readFileSync(join(folder, entry.name), 'utf8')]
          : [],
    );
  const tests = testSources(join(PACKAGE_ROOT, 'test')).join('\n');
  const commands = docBlocks().filter((block) => block.language === 'sh');

  it.each(commands.map((block) => [`${block.page}:${block.line}`, block] as const))(
    '%s is run by a test, or says why not',
    (_where, block) => {
      expect(block.mark).toMatch(/^(run: [\w-]+|not run: .{10,})$/);
      const name = /^run: ([\w-]+)$/.exec(block.mark!)?.[1];
      if (name !== undefined) expect(tests).toContain(`'${name}'`);
    },
  );

  it('finds the blocks it holds to this', () => {
    expect(commands.length).toBeGreaterThan(10);
  });
});
