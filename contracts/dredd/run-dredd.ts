import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type DreddType from 'dredd';
import { loadSpec } from '../../src/spec/load';
import { PACKAGE_ROOT } from '../../src/version';
import { describeOperation } from '../../src/spec/operations';
import { createValidator } from '../../src/spec/validate';
import { buildCases } from '../cases/build';
import { applyChecks } from '../checks';
import { preferenceApplied } from '../checks/responses';
import { toReport, type Report } from '../report/report';
import { targetOf, type RunResult, type VerifySettings } from '../run';
import { isRunError, sendCase, type RunError } from '../send';
import { openSession, type DreddSession } from './session';

/** The compiled hook file Dredd loads (Dredd skips `.ts` hook files with only a warning). */
export const HOOKFILE = join(PACKAGE_ROOT, 'dist', 'contracts', 'dredd', 'hooks.js');

/** Dredd could not run its hooks: the run says nothing, so it must not pass. */
export class DreddHooksError extends Error {
  override name = 'DreddHooksError';
}

type WinstonLogger = { transports: { console: { silent: boolean } } };

/** Loads Dredd without the harmless circular-dependency warning its winston 2 triggers. */
function loadDredd(): typeof DreddType {
  const emitWarning = process.emitWarning.bind(process);
  process.emitWarning = ((warning: string | Error, ...rest: never[]) => {
    if (!(warning instanceof Error ? warning.message : warning).includes('padLevels')) emitWarning(warning, ...rest);
  });
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('dredd') as typeof DreddType;
  } finally {
    process.emitWarning = emitWarning;
  }
}

function runDreddOnce(configuration: Record<string, unknown>, overallMs: number): Promise<{ failures: number; errors: number } | 'timed out'> {
  // Loaded here, not at start-up: Dredd is large and only this suite needs it.
  const Dredd = loadDredd();
  // Dredd's own console reporter would print before our report; the report covers the same ground.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const console = (require('dredd/build/reporters/reporterOutputLogger') as { default: WinstonLogger }).default.transports.console;
  console.silent = true;
  return new Promise<{ failures: number; errors: number } | 'timed out'>((resolve, reject) => {
    const timer = setTimeout(() => resolve('timed out'), overallMs);
    new Dredd(configuration).run((error, stats) => {
      clearTimeout(timer);
      if (error !== null && error !== undefined) reject(error);
      else resolve(stats);
    });
  }).finally(() => {
    console.silent = false;
  });
}

/** Whether the target applies `Prefer: code=` (RFC 7240 Preference-Applied), as the mock does. */
async function answersPreferences(session: Pick<DreddSession, 'cases' | 'target'>): Promise<boolean> {
  const probe = session.cases.find((c) => c.expectation === 'server-error');
  if (probe === undefined) return false;
  const result = await sendCase(probe, session.target);
  return !isRunError(result) && preferenceApplied(result);
}

/** The shape of an xunit `<testsuite>`, for merging into one JUnit file. */
function testsuiteOf(xunitFile: string): string | undefined {
  if (!existsSync(xunitFile)) return undefined;
  return /<testsuite[\s\S]*<\/testsuite>/.exec(readFileSync(xunitFile, 'utf8'))?.[0];
}

/**
 * The Dredd suite: Dredd runs one transaction per documented response of the spec, the hooks
 * turn each into a request that earns that response and apply the shared checks.
 */
export async function runDredd(settings: VerifySettings, hookfile = HOOKFILE): Promise<{ report: Report; junitSuite?: string }> {
  const started = Date.now();
  const { document } = await loadSpec(settings.specPath);
  const validate = createValidator();
  const cases = buildCases(document, { seed: settings.seed, randomBodies: 0, hasForbiddenToken: settings.forbiddenToken !== undefined }, validate);
  const target = targetOf(settings);
  const session = openSession({ target, cases, context: { document, validate }, answersPreferences: await answersPreferences({ cases, target }) });
  const xunitFile = join(mkdtempSync(join(tmpdir(), 'kaiten-dredd-')), 'dredd.xml');
  const outcome = await runDreddOnce(
    {
      endpoint: settings.baseUrl,
      path: [settings.specPath],
      hookfiles: [hookfile],
      reporter: ['xunit'],
      output: [xunitFile],
      loglevel: 'error',
      color: false,
      http: { timeout: settings.timeoutMs },
    },
    settings.overallMs,
  );
  if (!session.hooksLoaded) throw new DreddHooksError(`Dredd did not load its hooks from ${hookfile}; without them it checks almost nothing, so the run stops here`);

  const answered = new Set(session.exchanges.map((e) => e.case.id));
  const errors: RunError[] = [...session.chosen.entries()]
    .filter(([, c]) => !answered.has(c.id))
    .map(([name, c]) => ({ case: c, request: { method: c.operation.method.toUpperCase(), url: settings.baseUrl, headers: {} }, kind: outcome === 'timed out' ? 'timeout' : 'other', message: `Dredd got no answer for "${name}"` }));
  const result: RunResult = {
    settings: { ...settings, randomBodies: 0 },
    cases: [...session.chosen.values()],
    exchanges: session.exchanges,
    failures: [...session.failures, ...applyChecks(session.exchanges, session.context, 'run')],
    errors,
    coverage: coverageOf(session),
    durationMs: Date.now() - started,
  };
  const junitSuite = testsuiteOf(xunitFile);
  return { report: toReport('contract (dredd)', result), ...(junitSuite === undefined ? {} : { junitSuite }) };
}

function coverageOf(session: DreddSession) {
  const rows = session.exchanges.map((exchange) => ({ operation: describeOperation(exchange.case.operation), status: String(exchange.response.status), cases: 1, seen: 1 }));
  const skipped = session.skipped.map(({ transaction, reason }) => ({ operation: transaction.split(' > ').slice(0, 2).join(' > '), status: transaction.split(' > ')[2] ?? '', cases: 0, seen: 0, note: `skipped: ${reason}` }));
  return [...rows, ...skipped];
}
