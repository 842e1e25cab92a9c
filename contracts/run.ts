import type { RunResult, VerifySettings } from '../src/report/run-result';
import { loadSpec } from '../src/spec/load';
import { listOperations } from '../src/spec/operations';
import { createValidator } from '../src/spec/validate';
import type { Case } from '../src/checks/case';
import { buildCases, propertyPlans } from './cases/build';
import { createRandom } from './cases/random';
import { applyChecks, CHECKS, type CheckContext } from '../src/checks';
import { isUnanswered } from '../src/checks/every_request_answered';
import { selectChecks } from '../src/checks/select';
import { coverageOf } from '../src/report/coverage';
import { progressOn, type Progress } from '../src/report/progress';
import { DEFAULT_TOKEN } from './settings';
import { setupProblem } from './setup';
import { runProperty } from './property';
import { sendCase, type Target } from './send';
import { isRunError, type Exchange, type RunError } from '../src/checks/exchange';

/** Where the cases go and with which credentials; the unknown token is derived from the seed. */
export function targetOf(settings: VerifySettings): Target {
  return {
    baseUrl: settings.baseUrl,
    token: settings.token ?? DEFAULT_TOKEN,
    ...(settings.forbiddenToken === undefined ? {} : { forbiddenToken: settings.forbiddenToken }),
    unknownToken: `unknown-${createRandom(settings.seed).next().toString(36).slice(2)}`,
    timeoutMs: settings.timeoutMs,
  };
}

/** Sends every case, `concurrency` at a time, and stops starting new ones at the deadline. */
async function sendAll(
  cases: Case[],
  target: Target,
  concurrency: number,
  deadline: number,
  progress: Progress,
): Promise<(Exchange | RunError)[]> {
  const results: (Exchange | RunError)[] = new Array<Exchange | RunError>(cases.length);
  let next = 0;
  let sent = 0;
  const worker = async () => {
    while (next < cases.length) {
      const index = next++;
      const testCase = cases[index]!;
      if (Date.now() > deadline) {
        results[index] = {
          case: testCase,
          request: { method: '', url: '', headers: {} },
          kind: 'not sent',
          message: 'the run reached its overall time limit',
        };
        continue;
      }
      results[index] = await sendCase(testCase, target);
      sent++;
      progress.update(`contract (jest): ${sent}/${cases.length} cases sent`, sent === cases.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, cases.length) }, worker));
  return results;
}

/**
 * One verification run: build the cases from the spec and send them, then the property-based
 * valid bodies (shrunk when one fails), and apply every check.
 */
export async function runContract(settings: VerifySettings): Promise<RunResult> {
  const started = Date.now();
  const { document } = await loadSpec(settings.specPath);
  const validate = createValidator();
  const context = { document, validate, clockSkewMs: settings.clockSkewMs, checks: selectChecks(CHECKS, settings) };
  const target = targetOf(settings);
  const cases = buildCases(
    document,
    { seed: settings.seed, hasForbiddenToken: settings.forbiddenToken !== undefined },
    validate,
  );
  const progress = progressOn(process.stderr, settings.progress === true);
  const results = await sendAll(cases, target, settings.concurrency, started + settings.overallMs, progress);
  const exchanges = results.filter((r): r is Exchange => !isRunError(r));
  const errors = results.filter(isRunError);
  // Only a target that takes the valid credentials can say anything about valid bodies.
  if (setupProblem(exchanges, settings.token) === undefined) {
    progress.update(`contract (jest): ${cases.length}/${cases.length} cases sent; property-based bodies…`, true);
    for (const plan of propertyPlans(document)) {
      const found = await runProperty(
        plan,
        settings.randomBodies,
        settings.seed,
        target,
        context,
        Math.max(0, started + settings.overallMs - Date.now()),
      );
      exchanges.push(...found.exchanges);
      errors.push(...found.errors);
      cases.push(...[...found.exchanges, ...found.errors].map((result) => result.case));
    }
  }
  progress.done();
  return resultOf(settings, { cases, planned: cases, exchanges, errors, context, started });
}

/** What a suite's run amounts to: the checks applied, coverage, and any setup mistake. */
export function resultOf(
  settings: VerifySettings,
  run: {
    cases: Case[];
    planned: Case[];
    exchanges: Exchange[];
    errors: RunError[];
    context: CheckContext;
    started: number;
  },
): RunResult {
  const { failures, judged } = applyChecks(run.exchanges, {
    ...run.context,
    unanswered: run.errors,
    checks: selectChecks(CHECKS, settings),
  });
  const setup = setupProblem(run.exchanges, settings.token);
  // A request left unanswered by a target that answers others is a failure, no longer an error of the run.
  const errors = run.exchanges.length === 0 ? run.errors : run.errors.filter((error) => !isUnanswered(error));
  return {
    settings,
    cases: run.cases,
    exchanges: run.exchanges,
    errors,
    failures,
    judged,
    coverage: coverageOf(
      listOperations(run.context.document),
      run.planned,
      run.cases,
      run.exchanges,
      settings.forbiddenToken !== undefined,
    ),
    ...(setup === undefined ? {} : { setupProblem: setup }),
    durationMs: Date.now() - run.started,
  };
}
