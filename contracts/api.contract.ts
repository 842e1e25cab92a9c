// The Jest contract suite: every case built from the spec is sent to the target, and each named
// check is one test. Runs under `kaiten-webhooks verify --suite jest`, or plain `jest` (see
// settings.ts for the environment it reads); with no target it verifies the mock itself.
import { writeFileSync } from 'node:fs';
import { startMock, type RunningMock } from '../src/mock/start';
import { CHECKS } from '../src/checks';
import { capped, formatFailure, SHOWN_IN_FULL } from '../src/report/format';
import { toReport, type Report } from '../src/report/report';
import { runContract } from './run';
import { completeSettings, settingsFromEnvironment } from './settings';

const MOCK_TOKEN = 'contract-token';
const MOCK_FORBIDDEN_TOKEN = 'contract-forbidden-token';

let report: Report;
let mock: RunningMock | undefined;

beforeAll(async () => {
  const partial = settingsFromEnvironment(process.env);
  if (partial.baseUrl === undefined) {
    mock = await startMock({
      port: 0,
      logLevel: 'silent',
      watch: false,
      tokens: [MOCK_TOKEN],
      forbiddenTokens: [MOCK_FORBIDDEN_TOKEN],
      ...(partial.specPath === undefined ? {} : { spec: partial.specPath }),
    });
    Object.assign(partial, { baseUrl: mock.url, token: MOCK_TOKEN, forbiddenToken: MOCK_FORBIDDEN_TOKEN });
  }
  const settings = completeSettings({ ...partial, baseUrl: partial.baseUrl! });
  report = toReport('contract (jest)', await runContract(settings));
  if (process.env.KAITEN_VERIFY_REPORT !== undefined)
    writeFileSync(process.env.KAITEN_VERIFY_REPORT, JSON.stringify(report));
}, 600_000);

afterAll(async () => {
  await mock?.close();
});

describe('contract', () => {
  it('the run can verify (the target accepts the credentials given)', () => {
    if (report.blocker !== undefined) throw new Error(report.blocker);
  });

  it('every request gets an answer (no refused connection, reset or timeout)', () => {
    if (report.errors.length > 0)
      throw new Error(report.errors.map((e) => `${e.case}: ${e.kind}: ${e.message}\n   ${e.curl}`).join('\n'));
  });

  // Jest cannot mark a test skipped once it runs: a check with nothing to judge passes here with
  // a warning; `kaiten-webhooks verify` reports it as not checked.
  it.each(CHECKS.map((check) => check.name))('%s', (name) => {
    const failures = report.failures.filter((failure) => failure.check === name);
    if (failures.length > 0)
      throw new Error(
        `${failures.length} failure(s)\n${capped(failures, SHOWN_IN_FULL, formatFailure, (f) => `${f.case} (${f.message})`).join('\n')}`,
      );
    if (report.checks.find((check) => check.name === name)?.status === 'not checked')
      console.warn(`${name}: not checked (no applicable answer)`);
  });
});
