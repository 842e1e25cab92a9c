import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/version';
import type { Report } from './report/report';
import type { VerifySettings } from './run';

/** The compiled contract suite (`contracts/*.contract.ts` built to JavaScript). */
export const CONTRACTS_DIR = join(PACKAGE_ROOT, 'dist', 'contracts');

/** The Jest suite could not run at all (as opposed to running and finding failures). */
export class SuiteError extends Error {
  override name = 'SuiteError';
}

/**
 * Runs the Jest contract suite in this process against the target and returns its report. The
 * suite reads its settings from the environment and writes its report to a file we read back.
 */
export async function runJestSuite(settings: VerifySettings): Promise<Report> {
  if (!existsSync(join(CONTRACTS_DIR, 'api.contract.js'))) throw new SuiteError(`no compiled contract suite in ${CONTRACTS_DIR}: run npm run build`);
  const reportFile = join(mkdtempSync(join(tmpdir(), 'kaiten-verify-')), 'report.json');
  const saved = { settings: process.env.KAITEN_VERIFY_SETTINGS, report: process.env.KAITEN_VERIFY_REPORT };
  process.env.KAITEN_VERIFY_SETTINGS = JSON.stringify(settings);
  process.env.KAITEN_VERIFY_REPORT = reportFile;
  try {
    const config = { rootDir: CONTRACTS_DIR, roots: [CONTRACTS_DIR], testMatch: ['**/*.contract.js'], testEnvironment: 'node', transform: {}, cache: false };
    const argv = { _: [], $0: 'kaiten-webhooks verify', config: JSON.stringify(config), runInBand: true, silent: true, ci: true, watchman: false, reporters: [] };
    // Loaded on use: Jest is large, and `verify --suite dredd` or `--help` never need it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runCLI } = require('jest') as typeof import('jest');
    const { results } = await runCLI(argv, [CONTRACTS_DIR]);
    if (!existsSync(reportFile)) {
      const why = results.testResults.map((result) => result.failureMessage ?? result.testExecError?.message).filter(Boolean).join('\n');
      throw new SuiteError(`the Jest contract suite did not run: ${why || 'no report was written'}`);
    }
    return JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
  } finally {
    for (const [name, value] of [['KAITEN_VERIFY_SETTINGS', saved.settings], ['KAITEN_VERIFY_REPORT', saved.report]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
