import type { Failure } from '../checks';
import { CHECKS } from '../checks';
import { describeOperation } from '../../src/spec/operations';
import type { CoverageRow, RunResult } from '../run';
import type { Exchange, RunError, SentRequest } from '../send';
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

/** A run as plain data: what every formatter (console, JUnit, Dredd) renders. */
export interface Report {
  suite: string;
  target: string;
  spec: string;
  seed: number;
  cases: number;
  answered: number;
  durationMs: number;
  checks: { name: string; description: string; failures: number }[];
  failures: ReportedFailure[];
  errors: ReportedError[];
  coverage: CoverageRow[];
}

const cut = (text: string) => (text.length > MAX_SHOWN_BODY ? `${text.slice(0, MAX_SHOWN_BODY)}… (${text.length} characters)` : text);

function show(request: SentRequest, secrets: Secrets): ShownRequest {
  const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, showHeader(value, secrets)]));
  return { method: request.method, url: request.url, headers, ...(request.body === undefined ? {} : { body: cut(request.body) }) };
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
    response: { status: exchange.response.status, ...(contentType === undefined ? {} : { contentType }), body: cut(exchange.response.text) },
    message: failure.message,
    expected: failure.expected,
    curl: toCurl(exchange.request, secrets),
  };
}

function reportError(error: RunError, secrets: Secrets): ReportedError {
  return { case: error.case.title, caseId: error.case.id, operation: describeOperation(error.case.operation), kind: error.kind, message: error.message, curl: toCurl(error.request, secrets) };
}

/** Secrets of a run, by the environment variable a curl command reads them from. */
export function secretsOf(result: RunResult): Secrets {
  const secrets: Secrets = {};
  if (result.settings.token !== undefined) secrets.KAITEN_TOKEN = result.settings.token;
  if (result.settings.forbiddenToken !== undefined) secrets.KAITEN_FORBIDDEN_TOKEN = result.settings.forbiddenToken;
  return secrets;
}

export function toReport(suite: string, result: RunResult): Report {
  const secrets = secretsOf(result);
  return {
    suite,
    target: result.settings.baseUrl,
    spec: result.settings.specPath,
    seed: result.settings.seed,
    cases: result.cases.length,
    answered: result.exchanges.length,
    durationMs: result.durationMs,
    checks: CHECKS.map((check) => ({ name: check.name, description: check.description, failures: result.failures.filter((f) => f.check === check.name).length })),
    failures: result.failures.map((failure) => reportFailure(failure, secrets)),
    errors: result.errors.map((error) => reportError(error, secrets)),
    coverage: result.coverage,
  };
}

/** Exit codes of `verify`: 0 conforms, 1 violations found, 2 could not verify. */
export function exitCodeOf(reports: Report[]): 0 | 1 | 2 {
  if (reports.some((report) => report.failures.length > 0)) return 1;
  if (reports.some((report) => report.errors.length > 0 || report.answered === 0)) return 2;
  return 0;
}

export type { Exchange };
