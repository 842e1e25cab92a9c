import type { Check, Failure } from '../checks';
import { CHECKS } from '../checks';
import { leftOutNote, selectChecks } from '../checks/select';
import { describeOperation } from '../spec/operations';
import type { CoverageRow } from './coverage';
import type { RunResult } from './run-result';
import type { RunError, SentRequest } from '../checks/exchange';
import { showHeader, toCurl, type Secrets } from './curl';

const MAX_SHOWN_BODY = 2000;

/** The request as a report shows it: secrets masked, long bodies cut. */
export interface ShownRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface ReportedFailure {
  check: string;
  case: string;
  caseId: string;
  operation: string;
  request: ShownRequest;
  response: { status: number; contentType?: string; body: string };
  message: string;
  expected: string;
  curl: string;
}

export interface ReportedError {
  case: string;
  caseId: string;
  operation: string;
  kind: RunError['kind'];
  message: string;
  curl: string;
}

/** What became of one check: failed, passed, or not checked because no answer gave it anything to judge. */
export type CheckStatus = 'failed' | 'passed' | 'not checked';

export interface ReportedCheck {
  name: string;
  description: string;
  status: CheckStatus;
  /** Answers the check judged. */
  judged: number;
  failures: number;
  /** Seconds spent judging (for JUnit). */
  seconds: number;
}

/** One request a suite made of its own accord (Dredd's transactions), for per-request JUnit testcases. */
export interface ReportedRequest {
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  ms: number;
  /** Which checks failed, or why it was skipped. */
  message?: string;
}

/** A suite's run as plain data: what every formatter (console, JUnit) renders. */
export interface Report {
  suite: string;
  target: string;
  spec: string;
  /** The seed of generated cases; absent where nothing was generated (the proxy's traffic). */
  seed?: number;
  /** How far a server-made time may be from the request's (plausible_values). */
  clockSkewMs: number;
  cases: number;
  answered: number;
  /** What `cases` counts, as the console says it. Default `cases`. */
  unit?: string;
  /** What its checks judge, as the console says it. Default `answer(s)`. */
  judges?: string;
  /** Lines the console shows under the suite's heading (what was not judged, and why). */
  notes?: string[];
  durationMs: number;
  checks: ReportedCheck[];
  failures: ReportedFailure[];
  errors: ReportedError[];
  coverage: CoverageRow[];
  /** Why this suite's findings cannot be used (a wrong --token, a spec Dredd cannot read): the run could not verify. */
  blocker?: string;
  requests?: ReportedRequest[];
}

const cut = (text: string) =>
  text.length > MAX_SHOWN_BODY ? `${text.slice(0, MAX_SHOWN_BODY)}… (${text.length} characters)` : text;

function show(request: SentRequest, secrets: Secrets): ShownRequest {
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name, showHeader(value, secrets)]),
  );
  return {
    method: request.method,
    url: request.url,
    headers,
    ...(request.body === undefined ? {} : { body: cut(request.body) }),
  };
}

function reportFailure(failure: Failure, secrets: Secrets): ReportedFailure {
  const { exchange } = failure;
  const contentType = exchange.response.headers['content-type'];
  return {
    check: failure.check,
    case: exchange.case.title,
    caseId: exchange.case.id,
    operation: describeOperation(exchange.case.operation),
    request: show(exchange.request, secrets),
    response: {
      status: exchange.response.status,
      ...(contentType === undefined ? {} : { contentType }),
      body: cut(exchange.response.text),
    },
    message: failure.message,
    expected: failure.expected,
    curl: toCurl(exchange.request, secrets),
  };
}

function reportError(error: RunError, secrets: Secrets): ReportedError {
  return {
    case: error.case.title,
    caseId: error.case.id,
    operation: describeOperation(error.case.operation),
    kind: error.kind,
    message: error.message,
    curl: toCurl(error.request, secrets),
  };
}

/** Secrets of a run, by the environment variable a curl command reads them from. */
export function secretsOf(result: RunResult): Secrets {
  if (result.secrets !== undefined) return result.secrets;
  const secrets: Secrets = {};
  if (result.settings.token !== undefined) secrets.KAITEN_TOKEN = result.settings.token;
  if (result.settings.forbiddenToken !== undefined) secrets.KAITEN_FORBIDDEN_TOKEN = result.settings.forbiddenToken;
  return secrets;
}

/** A check's outcome; `failures` decides first, then whether it judged anything. */
export function statusOf(failures: number, judged: number): CheckStatus {
  if (failures > 0) return 'failed';
  return judged > 0 ? 'passed' : 'not checked';
}

/** A suite's run as a report; `checks` are the ones it applied (default: every check of verify). */
export function toReport(
  suite: string,
  result: RunResult,
  requests?: ReportedRequest[],
  checks: readonly Pick<Check, 'name' | 'description'>[] = selectChecks(CHECKS, result.settings),
): Report {
  const secrets = secretsOf(result);
  const reported = checks.map((check) => {
    const failures = result.failures.filter((f) => f.check === check.name).length;
    const judged = result.judged[check.name] ?? { answers: 0, ms: 0 };
    return {
      name: check.name,
      description: check.description,
      status: statusOf(failures, judged.answers),
      judged: judged.answers,
      failures,
      seconds: judged.ms / 1000,
    };
  });
  // A wrong token makes every finding noise: the blocker alone is reported.
  const blocked = result.setupProblem !== undefined;
  const leftOut = leftOutNote(CHECKS, selectChecks(CHECKS, result.settings));
  return {
    suite,
    target: result.settings.baseUrl,
    spec: result.settings.specPath,
    seed: result.settings.seed,
    clockSkewMs: result.settings.clockSkewMs,
    cases: result.cases.length,
    answered: result.exchanges.length,
    durationMs: result.durationMs,
    checks: blocked ? reported.map((check) => ({ ...check, status: 'not checked' as const, failures: 0 })) : reported,
    failures: blocked ? [] : result.failures.map((failure) => reportFailure(failure, secrets)),
    errors: result.errors.map((error) => reportError(error, secrets)),
    coverage: result.coverage,
    ...(result.setupProblem === undefined ? {} : { blocker: result.setupProblem }),
    ...(requests === undefined ? {} : { requests }),
    ...(leftOut.length === 0 ? {} : { notes: leftOut }),
  };
}

/** A suite that could not run at all: one line saying why, nothing judged. */
export function blockedReport(
  suite: string,
  settings: Pick<RunResult['settings'], 'baseUrl' | 'specPath' | 'seed' | 'clockSkewMs'>,
  blocker: string,
): Report {
  return {
    suite,
    target: settings.baseUrl,
    spec: settings.specPath,
    seed: settings.seed,
    clockSkewMs: settings.clockSkewMs,
    cases: 0,
    answered: 0,
    durationMs: 0,
    checks: CHECKS.map((check) => ({
      name: check.name,
      description: check.description,
      status: 'not checked',
      judged: 0,
      failures: 0,
      seconds: 0,
    })),
    failures: [],
    errors: [],
    coverage: [],
    blocker,
  };
}

/** Exit codes of `verify`: 0 conforms, 1 violations found, 2 could not verify. */
export function exitCodeOf(reports: Report[]): 0 | 1 | 2 {
  if (reports.length === 0) return 2;
  if (reports.some((report) => report.failures.length > 0)) return 1;
  if (reports.some((report) => report.blocker !== undefined || report.errors.length > 0 || report.answered === 0))
    return 2;
  return 0;
}
