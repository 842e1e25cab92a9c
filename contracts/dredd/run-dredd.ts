import { join } from 'node:path';
import type DreddType from 'dredd';
import { loadSpec } from '../../src/spec/load';
import { PACKAGE_ROOT } from '../../src/platform/version';
import { HarnessError } from '../../src/platform/harness-error';
import { createValidator } from '../../src/spec/validate';
import { buildCases } from '../cases/build';
import { preferenceApplied } from '../../src/checks/responses';
import { blockedReport, toReport, type Report, type ReportedRequest } from '../../src/report/report';
import { resultOf, targetOf } from '../run';
import { type RunResult, type VerifySettings } from '../../src/report/run-result';
import { sendCase } from '../send';
import { isRunError, type RunError } from '../../src/checks/exchange';
import { withTempFolder } from '../temp';
import { specForDredd } from './dredd-spec';
import { openSession, type DreddSession } from './session';
import { progressOn } from '../../src/report/progress';

/** The compiled hook file Dredd loads (Dredd skips `.ts` hook files with only a warning). */
export const HOOKFILE = join(PACKAGE_ROOT, 'dist', 'contracts', 'dredd', 'hooks.js');

export const DREDD_SUITE = 'contract (dredd)';

/** Dredd could not run its hooks: the run says nothing, so it must not pass. */
export class DreddHooksError extends HarnessError {
  override name = 'DreddHooksError';
}

type WinstonLogger = { transports: { console: { silent: boolean } }; log: (level: string, ...rest: unknown[]) => void };

/** Loads Dredd without the harmless circular-dependency warning its winston 2 triggers. */
function loadDredd(): typeof DreddType {
  const emitWarning = process.emitWarning.bind(process);
  process.emitWarning = (warning: string | Error, ...rest: never[]) => {
    if (!(warning instanceof Error ? warning.message : warning).includes('padLevels')) emitWarning(warning, ...rest);
  };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('dredd') as typeof DreddType;
  } finally {
    process.emitWarning = emitWarning;
  }
}

type DreddOutcome = { kind: 'ran' } | { kind: 'timed out' } | { kind: 'failed'; message: string };

/**
 * Runs Dredd once, quietly: its console output would come before our report and covers the same
 * ground, and its own errors (a spec it cannot compile) come back as one message instead.
 */
function runDreddOnce(configuration: Record<string, unknown>, overallMs: number): Promise<DreddOutcome> {
  const Dredd = loadDredd();
  /* eslint-disable @typescript-eslint/no-require-imports */
  const reporter = (require('dredd/build/reporters/reporterOutputLogger') as { default: WinstonLogger }).default;
  const logger = (require('dredd/build/logger') as { default: WinstonLogger }).default;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const errors: string[] = [];
  const log = logger.log;
  logger.log = (level, message) => void (level === 'error' && errors.push(String(message)));
  reporter.transports.console.silent = true;
  return new Promise<DreddOutcome>((resolve) => {
    const timer = setTimeout(() => resolve({ kind: 'timed out' }), overallMs);
    new Dredd(configuration).run((error) => {
      clearTimeout(timer);
      if (error === null || error === undefined) resolve({ kind: 'ran' });
      else
        resolve({
          kind: 'failed',
          message:
            errors.length === 0
              ? error.message
              : `${errors[0]!}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`,
        });
    });
  }).finally(() => {
    reporter.transports.console.silent = false;
    logger.log = log;
  });
}

/** Whether the target applies `Prefer: code=` (RFC 7240 Preference-Applied), as the mock does. */
async function answersPreferences(session: Pick<DreddSession, 'cases' | 'target'>): Promise<boolean> {
  const probe = session.cases.find((c) => c.expectation === 'server-error');
  if (probe === undefined) return false;
  const result = await sendCase(probe, session.target);
  return !isRunError(result) && preferenceApplied(result);
}

/** Each transaction Dredd ran, as a JUnit testcase: passed, failed (naming the checks) or skipped (saying why). */
function requestsOf(session: DreddSession, result: RunResult): ReportedRequest[] {
  return session.transactions.map((name) => {
    const skipped = session.skipped.get(name);
    if (skipped !== undefined) return { name, status: 'skipped', ms: 0, message: skipped };
    const exchange = session.answered.get(name);
    if (exchange === undefined) return { name, status: 'failed', ms: 0, message: 'no answer' };
    const failed = [...new Set(result.failures.filter((f) => f.exchange === exchange).map((f) => f.check))];
    return failed.length === 0
      ? { name, status: 'passed', ms: exchange.ms }
      : { name, status: 'failed', ms: exchange.ms, message: `failed: ${failed.join(', ')}` };
  });
}

/**
 * The Dredd suite: Dredd runs one transaction per documented response of the spec, the hooks
 * turn each into a request that earns that response, and the shared checks judge the answers.
 * A spec Dredd cannot run comes back as a report that says so in one line.
 */
export async function runDredd(settings: VerifySettings, hookfile = HOOKFILE): Promise<Report> {
  const started = Date.now();
  const { document } = await loadSpec(settings.specPath);
  const validate = createValidator();
  const cases = buildCases(
    document,
    { seed: settings.seed, hasForbiddenToken: settings.forbiddenToken !== undefined },
    validate,
  );
  const target = targetOf(settings);
  const context = { document, validate, clockSkewMs: settings.clockSkewMs };
  const progress = progressOn(process.stderr, settings.progress === true);
  const session = openSession({
    target,
    cases,
    context,
    progress,
    hasForbiddenToken: settings.forbiddenToken !== undefined,
    answersPreferences: await answersPreferences({ cases, target }),
  });
  const outcome = await withTempFolder('kaiten-dredd-', async (folder) => {
    const spec = await specForDredd(settings.specPath, folder);
    const ran = await runDreddOnce(
      {
        endpoint: settings.baseUrl,
        path: [spec],
        hookfiles: [hookfile],
        reporter: [],
        loglevel: 'error',
        color: false,
        http: { timeout: settings.timeoutMs },
      },
      settings.overallMs,
    );
    // Dredd names the file it read: name the user's spec, not our temporary copy of it.
    return ran.kind === 'failed' ? { ...ran, message: ran.message.replaceAll(spec, settings.specPath) } : ran;
  });
  progress.done();
  if (outcome.kind === 'failed') return blockedReport(DREDD_SUITE, settings, `Dredd could not run: ${outcome.message}`);
  if (!session.hooksLoaded)
    throw new DreddHooksError(
      `Dredd did not load its hooks from ${hookfile}; without them it checks almost nothing, so the run stops here`,
    );

  const errors: RunError[] = [...session.chosen.entries()]
    .filter(([name]) => !session.answered.has(name))
    .map(([name, c]) => ({
      case: c,
      request: { method: c.operation.method.toUpperCase(), url: settings.baseUrl, headers: {} },
      kind: outcome.kind === 'timed out' ? 'timeout' : 'other',
      message: `Dredd got no answer for "${name}"`,
    }));
  const result = resultOf(
    { ...settings, randomBodies: 0 },
    {
      cases: [...session.chosen.values()],
      planned: cases,
      exchanges: [...session.answered.values()],
      errors,
      context,
      started,
    },
  );
  return toReport(DREDD_SUITE, result, requestsOf(session, result));
}
