// The Dredd suite, run as users run it (`verify --suite dredd`, in a real Node process: Dredd's
// hook loading does not work inside Jest's module system).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMock, type RunningMock } from '../../src/mock/start';
import { startWebhookServer } from '../fixtures/servers/webhook-server';
import { runBuiltCli, runNode } from '../support/cli';
import { PACKAGE_ROOT } from '../../src/platform/version';
import { at, SPEC_PATH, specWithGetOperation, writeSpecs } from '../support/spec-copies';

const folder = mkdtempSync(join(tmpdir(), 'kaiten-dredd-'));
const dredd = (baseUrl: string, junit: string) =>
  runBuiltCli([
    'verify',
    '--suite',
    'dredd',
    '--base-url',
    baseUrl,
    '--token',
    'good',
    '--forbidden-token',
    'ro',
    '--seed',
    '3',
    '--junit',
    junit,
  ]);

describe('against the mock', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, logLevel: 'silent', watch: false, tokens: ['good'], forbiddenTokens: ['ro'] });
  });
  afterAll(() => mock.close());

  it('exercises all six documented responses, the 500 asked for, and passes; JUnit has our checks and a testcase per transaction', async () => {
    const junit = join(folder, 'mock.xml');
    const run = await dredd(mock.url, junit);
    expect(run.code).toBe(0);
    for (const status of ['201', '400', '401', '403', '422', '500'])
      expect(run.stdout).toMatch(new RegExp(`POST /webhooks\\s+${status}\\s+1 / 1\n`));
    expect(run.stdout).toMatch(
      /^verify: PASSED, the target conforms \(contract \(dredd\): 15 checks passed, 7 not checked: no applicable answer\); exit 0$/m,
    );
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain('<testsuite name="contract (dredd)" tests="22" failures="0" errors="0" skipped="7" time="');
    expect(xml).toMatch(
      /<testsuite name="contract \(dredd\) requests" tests="6" failures="0" errors="0" skipped="0" time="\d+\.\d{3}">/,
    );
    expect(xml).toContain(
      '<testcase classname="contract (dredd) requests" name="/webhooks &gt; Create a new webhook &gt; 201 &gt; application/json" time="',
    );
    expect(xml).not.toMatch(/NaN|skip=/);
    expect(run.stderr).toBe('');
  }, 60_000);
});

describe('against real servers', () => {
  it('skips the 500 with its reason, and catches a problem whose status is wrong (exit 1)', async () => {
    const server = await startWebhookServer({
      tokens: ['good'],
      forbiddenTokens: ['ro'],
      defect: 'problem-status-mismatch',
    });
    try {
      const run = await dredd(server.url, join(folder, 'mismatch.xml'));
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/POST \/webhooks\s+500\s+0 \/ 0\s+not exercised: only a mock can be asked for it\n/);
      expect(readFileSync(join(folder, 'mismatch.xml'), 'utf8')).toContain(
        '<skipped message="not exercised: only a mock can be asked for it"/>',
      );
      expect(run.stdout).toMatch(/FAILED problem_details_conformance \(\d+\)/);
      expect(run.stdout).toContain('wrong:     problem status is 400');
    } finally {
      await server.close();
    }
  }, 60_000);

  it('catches a success body that breaks the schema, which Dredd alone (comparing keys with the example) would miss', async () => {
    const server = await startWebhookServer({
      tokens: ['good'],
      forbiddenTokens: ['ro'],
      defect: 'success-extra-field',
    });
    try {
      const run = await dredd(server.url, join(folder, 'extra.xml'));
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/FAILED response_schema_conformance \(1\)/);
      expect(run.stdout).toContain('must NOT have additional properties');
    } finally {
      await server.close();
    }
  }, 60_000);
});

it('a hook file that does not load fails the run instead of passing it', async () => {
  const broken = join(folder, 'broken-hooks.js');
  writeFileSync(broken, 'throw new Error("broken hooks");\n');
  const mock = await startMock({ port: 0, logLevel: 'silent', watch: false });
  try {
    const script = `
      const { runDredd } = require('./dist/contracts/dredd/run-dredd');
      const { completeSettings } = require('./dist/contracts/settings');
      const settings = completeSettings({ specPath: ${JSON.stringify(SPEC_PATH)}, baseUrl: ${JSON.stringify(mock.url)} });
      runDredd(settings, ${JSON.stringify(broken)}).then(() => console.log('passed'), (error) => console.log(error.name));`;
    const [good, bad] = await Promise.all([
      runNode(['-e', script.replace(`, ${JSON.stringify(broken)})`, ')')]),
      runNode(['-e', script]),
    ]);
    expect(good.stdout.trim()).toBe('passed');
    expect(bad.stdout.trim()).toBe('DreddHooksError');
  } finally {
    await mock.close();
  }
}, 60_000);

describe("a spec of the user's own with GET /webhooks/{id}, whose path parameter has `examples:` only", () => {
  let spec: string;
  let mock: RunningMock;
  beforeAll(async () => {
    spec = writeSpecs({ get: await specWithGetOperation() }).get!;
    mock = await startMock({
      spec,
      port: 0,
      logLevel: 'silent',
      watch: false,
      tokens: ['good'],
      forbiddenTokens: ['ro'],
    });
  });
  afterAll(() => mock.close());

  it('Dredd gets the example value it needs and runs every transaction; no temporary folder is left', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'kaiten-tmp-'));
    const run = await runNode(
      [
        join(PACKAGE_ROOT, 'dist', 'src', 'cli.js'),
        'verify',
        '--suite',
        'dredd',
        '--spec',
        spec,
        '--base-url',
        mock.url,
        '--token',
        'good',
        '--forbidden-token',
        'ro',
        '--seed',
        '3',
      ],
      60_000,
      { TMPDIR: tmp },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/GET \/webhooks\/\{id\}\s+200\s+1 \/ 1\n/);
    expect(run.stdout).toMatch(/GET \/webhooks\/\{id\}\s+404\s+0 \/ 0\s+not exercised: no case aims at it\n/);
    expect(readdirSync(tmp)).toEqual([]);
  }, 60_000);

  it("a spec Dredd cannot run is one line in its report, and the Jest suite's results stand", async () => {
    const document = await specWithGetOperation();
    // Valid OpenAPI that Dredd 14 refuses: a path parameter name with a hyphen.
    const paths = at(document, 'paths');
    paths['/webhooks/{webhook-id}'] = paths['/webhooks/{id}'];
    delete paths['/webhooks/{id}'];
    at(document, 'paths', '/webhooks/{webhook-id}', 'get').parameters = [
      { name: 'webhook-id', in: 'path', required: true, description: 'The webhook id.', schema: { type: 'string' } },
    ];
    const spec = writeSpecs({ hyphen: document }).hyphen!;
    const own = await startMock({
      spec,
      port: 0,
      logLevel: 'silent',
      watch: false,
      tokens: ['good'],
      forbiddenTokens: ['ro'],
    });
    const run = await runBuiltCli([
      'verify',
      '--spec',
      spec,
      '--base-url',
      own.url,
      '--token',
      'good',
      '--forbidden-token',
      'ro',
      '--seed',
      '3',
    ]).finally(() => own.close());
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toMatch(
      /^contract \(dredd\): .*\n {2}COULD NOT VERIFY: Dredd could not run: API description parser error in [^ ]*hyphen\.json: 'Parameter Object' 'name' contains unsupported characters/m,
    );
    expect(run.stdout).toMatch(/^contract \(jest\): .*\n {2}\d+ cases, \d+ answered/m);
    expect(run.stdout.trim().split('\n').at(-1)).toMatch(
      /^verify: COULD NOT VERIFY \(.*Dredd could not run.*\); exit 2$/,
    );
  }, 60_000);
});
