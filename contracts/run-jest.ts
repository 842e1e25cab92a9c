import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/platform/version';
import { HarnessError } from '../src/platform/harness-error';
import type { Report } from '../src/report/report';
import type { VerifySettings } from '../src/report/run-result';
import { withTempFolder } from './temp';

/** The compiled contract suite (`contracts/*.contract.ts` built to JavaScript). */
export const CONTRACTS_DIR = join(PACKAGE_ROOT, 'dist', 'contracts');

/** The Jest suite could not run at all (as opposed to running and finding failures). */
export class SuiteError extends HarnessError {
  override name = 'SuiteError';
}

/** The compiled suite file: run by path, not found by Jest's discovery, which skips anything under node_modules. */
export const CONTRACT_SUITE = join(CONTRACTS_DIR, 'api.contract.js');

/**
 * Runs the Jest contract suite in this process against the target and returns its report. The
 * suite reads its settings from the environment and writes its report to a file we read back.
 */
export async function runJestSuite(settings: VerifySettings): Promise<Report> {
  if (!existsSync(CONTRACT_SUITE))
    throw new SuiteError(`no compiled contract suite at ${CONTRACT_SUITE}: run npm run build`);
  return withTempFolder('kaiten-verify-', async (folder) => {
    const reportFile = join(folder, 'report.json');
    const saved = { settings: process.env.KAITEN_VERIFY_SETTINGS, report: process.env.KAITEN_VERIFY_REPORT };
    process.env.KAITEN_VERIFY_SETTINGS = JSON.stringify(settings);
    process.env.KAITEN_VERIFY_REPORT = reportFile;
    try {
      // An installed package lives under node_modules, which Jest ignores by default: no ignore
      // patterns, keep every file in the haste map, and name the one suite file to run.
      const config = {
        rootDir: CONTRACTS_DIR,
        roots: [CONTRACTS_DIR],
        testMatch: ['**/*.contract.js'],
        testPathIgnorePatterns: [],
        haste: { retainAllFiles: true },
        testEnvironment: 'node',
        transform: {},
        cache: false,
        // Jest makes its cache folder even with the cache off: here, not in the OS temp folder.
        cacheDirectory: join(folder, 'jest-cache'),
      };
      const argv = {
        _: [CONTRACT_SUITE],
        $0: 'kaiten-webhooks verify',
        config: JSON.stringify(config),
        runTestsByPath: true,
        // Never let Jest end the process itself: a suite that did not run is ours to report.
        passWithNoTests: true,
        runInBand: true,
        silent: true,
        ci: true,
        watchman: false,
        reporters: [],
      };
      // Loaded on use: Jest is large, and `verify --suite dredd` or `--help` never need it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { runCLI } = require('jest') as typeof import('jest');
      const { results } = await runCLI(argv, [CONTRACTS_DIR]);
      if (!existsSync(reportFile)) {
        const why = results.testResults
          .map((result) => result.failureMessage ?? result.testExecError?.message)
          .filter(Boolean)
          .join('\n');
        throw new SuiteError(`the Jest contract suite did not run: ${why || 'Jest found no suite to run'}`);
      }
      return JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
    } finally {
      for (const [name, value] of [
        ['KAITEN_VERIFY_SETTINGS', saved.settings],
        ['KAITEN_VERIFY_REPORT', saved.report],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
}
