import { loadSpec } from '../src/spec/load';
import { describeOperation, listOperations } from '../src/spec/operations';
import { createValidator } from '../src/spec/validate';
import { documentedCodes, expectedStatuses, type Case } from './case';
import { buildCases } from './cases/build';
import { createRandom } from './cases/random';
import { applyChecks, type Failure } from './checks';
import { preferenceApplied } from './checks/responses';
import { isRunError, sendCase, type Exchange, type RunError, type Target } from './send';

/** Everything a verification run needs to know. */
export interface VerifySettings {
  specPath: string;
  baseUrl: string;
  /** Sent with every case that needs valid credentials. */
  token?: string;
  forbiddenToken?: string;
  seed: number;
  timeoutMs: number;
  /** Random valid bodies per operation, on top of the derived ones. */
  randomBodies: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** The whole run stops sending after this long, whatever is left. */
  overallMs: number;
}

/** How well the documented responses were exercised. */
export interface CoverageRow {
  operation: string;
  status: string;
  /** Cases that aimed at this status. */
  cases: number;
  /** Answers that came back with it. */
  seen: number;
  note?: string;
}

export interface RunResult {
  settings: VerifySettings;
  cases: Case[];
  exchanges: Exchange[];
  failures: Failure[];
  errors: RunError[];
  coverage: CoverageRow[];
  durationMs: number;
}

export const DEFAULT_TOKEN = 'kaiten-webhooks-verify';

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
async function sendAll(cases: Case[], target: Target, concurrency: number, deadline: number): Promise<(Exchange | RunError)[]> {
  const results: (Exchange | RunError)[] = new Array<Exchange | RunError>(cases.length);
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const index = next++;
      const testCase = cases[index]!;
      if (Date.now() > deadline) {
        results[index] = { case: testCase, request: { method: '', url: '', headers: {} }, kind: 'timeout', message: 'not sent: the run reached its overall time limit' };
        continue;
      }
      results[index] = await sendCase(testCase, target);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, cases.length) }, worker));
  return results;
}

function coverageOf(cases: Case[], exchanges: Exchange[], settings: VerifySettings, operations: ReturnType<typeof listOperations>): CoverageRow[] {
  return operations.flatMap((operation) =>
    documentedCodes(operation).map((status) => {
      const aimed = cases.filter((c) => c.operation.id === operation.id && expectedStatuses(operation, c.expectation).map(String).includes(status));
      const seen = exchanges.filter((e) => e.case.operation.id === operation.id && String(e.response.status) === status).length;
      const row: CoverageRow = { operation: describeOperation(operation), status, cases: aimed.length, seen };
      if (status === '403' && settings.forbiddenToken === undefined) row.note = 'not exercised: pass --forbidden-token';
      else if (aimed.some((c) => c.expectation === 'server-error') && !exchanges.some((e) => e.case.expectation === 'server-error' && preferenceApplied(e))) {
        row.note = 'not exercised: only a mock can be asked for it';
      } else if (aimed.length === 0) row.note = 'not exercised: no case aims at it';
      return row;
    }),
  );
}

/** One verification run: build the cases from the spec, send them, apply every check. */
export async function runContract(settings: VerifySettings): Promise<RunResult> {
  const started = Date.now();
  const { document } = await loadSpec(settings.specPath);
  const validate = createValidator();
  const cases = buildCases(document, { seed: settings.seed, randomBodies: settings.randomBodies, hasForbiddenToken: settings.forbiddenToken !== undefined }, validate);
  const results = await sendAll(cases, targetOf(settings), settings.concurrency, started + settings.overallMs);
  const exchanges = results.filter((r): r is Exchange => !isRunError(r));
  const errors = results.filter(isRunError);
  return {
    settings,
    cases,
    exchanges,
    errors,
    failures: applyChecks(exchanges, { document, validate }),
    coverage: coverageOf(cases, exchanges, settings, listOperations(document)),
    durationMs: Date.now() - started,
  };
}
