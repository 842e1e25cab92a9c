// The Dredd suite, run as users run it (`verify --suite dredd`, in a real Node process: Dredd's
// hook loading does not work inside Jest's module system).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMock, type RunningMock } from '../../src/mock/start';
import { startWebhookServer } from '../fixtures/servers/webhook-server';
import { runBuiltCli, runNode } from '../support/cli';
import { SPEC_PATH } from '../support/spec-copies';

const folder = mkdtempSync(join(tmpdir(), 'kaiten-dredd-'));
const dredd = (baseUrl: string, junit: string) =>
  runBuiltCli(['verify', '--suite', 'dredd', '--base-url', baseUrl, '--token', 'good', '--forbidden-token', 'ro', '--seed', '3', '--junit', junit]);

describe('against the mock', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, logLevel: 'silent', watch: false, tokens: ['good'], forbiddenTokens: ['ro'] });
  });
  afterAll(() => mock.close());

  it('exercises all six documented responses, the 500 asked for, and passes; JUnit has our checks and Dredd\'s own suite', async () => {
    const junit = join(folder, 'mock.xml');
    const run = await dredd(mock.url, junit);
    expect(run.code).toBe(0);
    for (const status of ['201', '400', '401', '403', '422', '500']) expect(run.stdout).toMatch(new RegExp(`POST /webhooks\\s+${status}\\s+1\\s+1`));
    expect(run.stdout).toContain('contract (dredd): every check passed');
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain('<testsuite name="contract (dredd)" tests="12" failures="0" errors="0"');
    expect(xml).toMatch(/<testsuite name="Dredd Tests" tests="6" failures="0" errors="0"/);
    expect(run.stderr).toBe('');
  }, 60_000);
});

describe('against real servers', () => {
  it('skips the 500 with its reason, and catches a problem whose status is wrong (exit 1)', async () => {
    const server = await startWebhookServer({ tokens: ['good'], forbiddenTokens: ['ro'], defect: 'problem-status-mismatch' });
    try {
      const run = await dredd(server.url, join(folder, 'mismatch.xml'));
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('skipped: a real server cannot be asked for 500; only a mock that applies Prefer: code=500');
      expect(run.stdout).toMatch(/FAILED problem_details_conformance \(\d+\)/);
      expect(run.stdout).toContain('wrong:     problem status is 400');
    } finally {
      await server.close();
    }
  }, 60_000);

  it('catches a success body that breaks the schema, which Dredd alone (comparing keys with the example) would miss', async () => {
    const server = await startWebhookServer({ tokens: ['good'], forbiddenTokens: ['ro'], defect: 'success-extra-field' });
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
