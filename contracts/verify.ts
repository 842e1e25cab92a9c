import { loadSpec } from '../src/spec/load';
import { SpecError } from '../src/spec/spec';
import { DreddHooksError, DREDD_SUITE, runDredd } from './dredd/run-dredd';
import { reachable } from './reachable';
import { formatVerdict } from '../src/report/format';
import { toHtml } from '../src/report/html';
import { junitForProblem, toJUnit } from '../src/report/junit';
import { writeReportFile } from '../src/report/write';
import { blockedReport, exitCodeOf, type Report } from '../src/report/report';
import { runJestSuite, SuiteError } from './run-jest';
import type { VerifySettings } from '../src/report/run-result';
import { completeSettings } from './settings';
import { missingTools } from './suite-tools';
import { credentialsFrom, type RunCredentials } from './credentials';
import { CHECKS } from '../src/checks';
import { selectChecks, UnknownCheckError, type CheckSelection } from '../src/checks/select';

export const SUITES = ['all', 'jest', 'dredd'] as const;
export type Suite = (typeof SUITES)[number];

/** What to verify and how; only `baseUrl` is required. */
export interface VerifyOptions {
  /** The implementation to verify; may carry a path prefix (`https://staging.example.com/api`). */
  baseUrl: string;
  /** OpenAPI file. Default: the packaged spec. */
  spec?: string;
  /** A valid bearer token with the operation's scope. Default: `$KAITEN_TOKEN`, else a made-up one. */
  token?: string;
  /** A valid token without the scope, to exercise 403. Default: `$KAITEN_FORBIDDEN_TOKEN`, else none. */
  forbiddenToken?: string;
  /** Where `KAITEN_TOKEN` and `KAITEN_FORBIDDEN_TOKEN` are read. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Default `all`. */
  suite?: Suite;
  /** Replays the generated cases of an earlier run (every report prints its seed). */
  seed?: number;
  /** Per-request timeout in milliseconds. Default 5000. */
  timeoutMs?: number;
  /** Property-based valid bodies per operation (fast-check runs; a failing one is shrunk). Default 10. */
  cases?: number;
  /** How far a server-made time may be from the request's, in milliseconds. Default 300 000 (5 minutes). */
  clockSkewMs?: number;
  /** Only these checks, by name (`--checks`). Default: every check. */
  checks?: string[];
  /** Every check but these (`--exclude-checks`). */
  excludeChecks?: string[];
  /** Write JUnit XML here (parent folders are created), also when nothing could be verified. */
  junit?: string;
  /** Write the report as one self-contained HTML page here (parent folders are created). */
  html?: string;
  /** Stops waiting for the suites: the result then says the run was interrupted. */
  signal?: AbortSignal;
  /** Show each suite's cases sent so far on standard error, one line rewritten in place. Default false (the CLI: when standard error is a terminal). */
  progress?: boolean;
}

/** A verification run: the exit code `kaiten-webhooks verify` would give, each suite's report, and the verdict line. */
export interface VerifyResult {
  /** 0 the target conforms, 1 violations found, 2 could not verify. */
  exitCode: 0 | 1 | 2;
  reports: Report[];
  /** Why the run could not verify as a whole (bad options, unusable spec, unreachable target, interrupted, JUnit not written). */
  problem?: string;
  /** The last line of the console report. */
  verdict: string;
}

/** Why a base URL cannot be verified, or undefined when it is an http(s) URL. */
export function checkBaseUrl(baseUrl: string): string | undefined {
  return /^https?:\/\/[^/]/.test(baseUrl) && URL.canParse(baseUrl)
    ? undefined
    : `--base-url must be an http(s) URL, not "${baseUrl}"`;
}

function settingsOf(options: VerifyOptions, credentials: RunCredentials): VerifySettings {
  const partial: Partial<VerifySettings> & { baseUrl: string } = { baseUrl: options.baseUrl };
  if (options.spec !== undefined) partial.specPath = options.spec;
  if (credentials.token !== undefined) partial.token = credentials.token;
  if (credentials.forbiddenToken !== undefined) partial.forbiddenToken = credentials.forbiddenToken;
  if (options.seed !== undefined) partial.seed = options.seed;
  if (options.timeoutMs !== undefined) partial.timeoutMs = options.timeoutMs;
  if (options.cases !== undefined) partial.randomBodies = options.cases;
  if (options.clockSkewMs !== undefined) partial.clockSkewMs = options.clockSkewMs;
  if (options.progress === true) partial.progress = true;
  if (options.checks !== undefined) partial.checks = options.checks;
  if (options.excludeChecks !== undefined) partial.excludeChecks = options.excludeChecks;
  return completeSettings(partial);
}

/** One suite run; a suite that cannot run becomes a report saying why, so the other suite's results stand. */
async function runSuite(name: 'jest' | 'dredd', settings: VerifySettings): Promise<Report> {
  try {
    return name === 'jest' ? await runJestSuite(settings) : await runDredd(settings);
  } catch (error) {
    if (!(error instanceof SuiteError) && !(error instanceof DreddHooksError)) throw error;
    return blockedReport(name === 'jest' ? 'contract (jest)' : DREDD_SUITE, settings, error.message);
  }
}

async function runSuites(options: VerifyOptions, settings: VerifySettings): Promise<Report[] | string> {
  const problem = checkBaseUrl(options.baseUrl) ?? unknownCheck(settings);
  if (problem !== undefined) return problem;
  try {
    await loadSpec(settings.specPath);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    return error.message;
  }
  const suite = options.suite ?? 'all';
  const missing = missingTools(suite);
  if (missing !== undefined) return missing;
  const unreachable = await reachable(settings.baseUrl, settings.timeoutMs);
  if (unreachable !== undefined) return `cannot reach ${settings.baseUrl}: ${unreachable}`;
  const reports: Report[] = [];
  if (suite !== 'dredd') reports.push(await runSuite('jest', settings));
  if (suite !== 'jest') reports.push(await runSuite('dredd', settings));
  return reports;
}

/** Why a selection of checks cannot be used (a name no check has), or undefined. */
export function unknownCheck(selection: CheckSelection): string | undefined {
  try {
    selectChecks(CHECKS, selection);
    return undefined;
  } catch (error) {
    if (error instanceof UnknownCheckError) return error.message;
    throw error;
  }
}

function untilAborted(signal: AbortSignal | undefined): Promise<string> {
  return new Promise((resolve) => {
    if (signal === undefined) return;
    if (signal.aborted) resolve('interrupted');
    signal.addEventListener('abort', () => resolve('interrupted'), { once: true });
  });
}

/**
 * Verifies a running implementation against the spec with the Jest and Dredd suites, as
 * `kaiten-webhooks verify` does, and returns what it found instead of printing it.
 * @example
 * import { verify, formatVerifyResult } from 'kaiten-webhooks-harness';
 * const result = await verify({ baseUrl: 'http://127.0.0.1:4010', token: process.env.TOKEN });
 * console.log(formatVerifyResult(result));
 * process.exitCode = result.exitCode;
 */
export async function verify(options: VerifyOptions): Promise<VerifyResult> {
  const credentials = credentialsFrom(options, options.env ?? process.env);
  const settings = settingsOf(options, credentials);
  const outcome = await Promise.race([runSuites(options, settings), untilAborted(options.signal)]);
  const reports =
    typeof outcome === 'string'
      ? []
      : outcome.map((report) => ({ ...report, notes: [credentials.note, ...(report.notes ?? [])] }));
  let problem = typeof outcome === 'string' ? outcome : undefined;
  const notWritten = (unwritten: string | undefined) => {
    if (unwritten !== undefined) problem = problem === undefined ? unwritten : `${problem}; ${unwritten}`;
  };
  if (options.junit !== undefined)
    notWritten(
      writeReportFile(options.junit, 'JUnit file', problem === undefined ? toJUnit(reports) : junitForProblem(problem)),
    );
  const verdictOf = () =>
    problem === undefined ? formatVerdict(reports) : `verify: COULD NOT VERIFY (${problem}); exit 2`;
  if (options.html !== undefined)
    notWritten(
      writeReportFile(
        options.html,
        'HTML report',
        toHtml(reports, verdictOf(), `kaiten-webhooks verify: ${options.baseUrl}`),
      ),
    );
  if (problem !== undefined) return { exitCode: 2, reports, problem, verdict: verdictOf() };
  return { exitCode: exitCodeOf(reports), reports, verdict: verdictOf() };
}
