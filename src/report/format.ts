import type { CoverageRow } from './coverage';
import { exitCodeOf, type Report, type ReportedError, type ReportedFailure } from './report';

/** Failures of one check shown in full on the console; the rest get one line between them. */
export const SHOWN_IN_FULL = 3;
/** A request body longer than this is shown cut in `sent:`, and whole once, in the curl line. */
const SHOWN_BODY = 200;
const SHOWN_RESPONSE = 1000;
const LIST_WIDTH = 300;

const indent = (text: string, by: string) => text.split('\n').join(`\n${by}`);
const cut = (text: string, limit: number, where: string) =>
  text.length > limit ? `${text.slice(0, limit)}… (${text.length} characters${where})` : text;

/** One failure, as a person reads it: what was sent, what came back, what the spec expected, how to send it again. */
export function formatFailure(failure: ReportedFailure, number: number): string {
  const { request, response } = failure;
  const headers = Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`);
  const body = response.body === '' ? '' : ` ${indent(cut(response.body, SHOWN_RESPONSE, ''), '                ')}`;
  return [
    `  ${number}) ${failure.operation}: ${failure.case}`,
    `     sent:      ${request.method} ${request.url}`,
    ...headers.map((header) => `                ${header}`),
    ...(request.body === undefined
      ? []
      : [`                ${indent(cut(request.body, SHOWN_BODY, '; whole in the curl line'), '                ')}`]),
    `     got:       ${response.status === 0 ? 'no answer' : `${response.status} ${response.contentType ?? '(no content type)'}${body}`}`,
    `     wrong:     ${failure.message}`,
    `     expected:  ${failure.expected}`,
    `     reproduce: ${failure.curl}`,
  ].join('\n');
}

/** A failure of an exchange already shown in full under another check: what is wrong, not the exchange again. */
function formatAgain(failure: ReportedFailure, number: number, shownUnder: string): string {
  return [
    `  ${number}) ${failure.operation}: ${failure.case} (sent and got as shown under ${shownUnder})`,
    `     wrong:     ${failure.message}`,
    `     expected:  ${failure.expected}`,
  ].join('\n');
}

function formatError(error: ReportedError, number: number): string {
  return [
    `  ${number}) ${error.operation}: ${error.case}: ${error.kind}: ${error.message}`,
    `     reproduce: ${error.curl}`,
  ].join('\n');
}

/** The first `full` items formatted whole, the rest named on one bounded line. */
export function capped<T>(
  items: T[],
  full: number,
  format: (item: T, number: number) => string,
  name: (item: T) => string,
): string[] {
  const rest = items.slice(full).map(name);
  if (rest.length === 0) return items.map((item, i) => format(item, i + 1));
  let listed = rest.join('; ');
  if (listed.length > LIST_WIDTH) listed = `${listed.slice(0, LIST_WIDTH)}…`;
  return [...items.slice(0, full).map((item, i) => format(item, i + 1)), `  … and ${rest.length} more: ${listed}`];
}

export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) => `  ${row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')}`.trimEnd())
    .join('\n');
}

const STATUS_WORDS = { failed: 'FAILED', passed: 'passed', 'not checked': 'not checked' } as const;

/** One suite's part of the console report: why it could not verify, failures grouped by check, errors of the run apart, the checks. */
export function formatReport(report: Report): string {
  const settings = [
    ...(report.seed === undefined ? [] : [`seed ${report.seed}`]),
    `clock skew ±${report.clockSkewMs / 1000} s`,
  ].join(', ');
  const lines = [`${report.suite}: ${report.target} against ${report.spec} (${settings})`];
  if (report.blocker !== undefined) return [...lines, `  COULD NOT VERIFY: ${report.blocker}`].join('\n');
  lines.push(
    `  ${report.cases} ${report.unit ?? 'cases'}, ${report.answered} answered; the run lasted ${(report.durationMs / 1000).toFixed(1)} s`,
  );
  for (const note of report.notes ?? []) lines.push(`  ${note}`);
  // Each exchange is printed whole once; a later check that failed on it only says what it found.
  const shown = new Map<string, string>();
  const formatOnce = (failure: ReportedFailure, number: number) => {
    const under = shown.get(failure.caseId);
    if (under !== undefined) return formatAgain(failure, number, under);
    shown.set(failure.caseId, failure.check);
    return formatFailure(failure, number);
  };
  for (const check of report.checks.filter((c) => c.failures > 0)) {
    lines.push('', `FAILED ${check.name} (${check.failures}): ${check.description}`);
    const failures = report.failures.filter((f) => f.check === check.name);
    lines.push(...capped(failures, SHOWN_IN_FULL, formatOnce, (f) => `${f.case} (${f.message})`));
  }
  if (report.errors.length > 0) {
    lines.push('', `ERRORS of the run (${report.errors.length}): requests that got no answer; not check failures`);
    lines.push(...capped(report.errors, SHOWN_IN_FULL, formatError, (e) => `${e.case} (${e.kind})`));
  }
  lines.push('', 'Checks:');
  const judges = report.judges ?? 'answer(s)';
  const judged = (check: Report['checks'][number]) =>
    check.status === 'failed'
      ? `${check.failures} failure(s) in ${check.judged} ${judges}`
      : check.status === 'passed'
        ? `${check.judged} ${judges} judged`
        : 'no applicable answer';
  lines.push(table(report.checks.map((check) => [STATUS_WORDS[check.status], check.name, judged(check)])));
  return lines.join('\n');
}

/** One row of the run's coverage: a documented response, and each suite's cell for it. */
export interface CoverageLine {
  operation: string;
  status: string;
  cells: (CoverageRow | undefined)[];
  notes: string[];
}

/** The documented responses of every suite of the run, one line each, with the suites that have any. */
export function coverageLines(reports: Report[]): { suites: Report[]; lines: CoverageLine[] } {
  const suites = reports.filter((r) => r.coverage.length > 0);
  const keys = [
    ...new Map(
      suites.flatMap((r) => r.coverage.map((row) => [`${row.operation} ${row.status}`, row] as const)),
    ).values(),
  ];
  const lines = keys.map(({ operation, status }) => {
    const cells = suites.map((r) => r.coverage.find((row) => row.operation === operation && row.status === status));
    return {
      operation,
      status: String(status),
      cells,
      notes: [...new Set(cells.map((cell) => cell?.note).filter((note) => note !== undefined))],
    };
  });
  return { suites, lines };
}

/** A suite's short name: `jest` for `contract (jest)`. */
export const suiteName = (report: Report) => /\(([^)]+)\)/.exec(report.suite)?.[1] ?? report.suite;

/** One coverage table for every suite of the run: the documented responses, and how each suite exercised them. */
export function formatCoverage(reports: Report[]): string {
  const { suites, lines } = coverageLines(reports);
  if (suites.length === 0) return '';
  const rows = lines.map((line) => [
    line.operation,
    line.status,
    ...line.cells.map((cell) => (cell === undefined ? '-' : `${cell.cases} / ${cell.seen}`)),
    line.notes.join('; '),
  ]);
  return [
    'Documented responses exercised (requests aimed at the status / answers with it):',
    table([['operation', 'status', ...suites.map(suiteName), ''], ...rows]),
  ].join('\n');
}

/** The one line that ends every run: the verdict for all suites together, matching the exit code. */
export function formatVerdict(reports: Report[]): string {
  const code = exitCodeOf(reports);
  const per = (describe: (r: Report) => string) => reports.map((r) => `${r.suite}: ${describe(r)}`).join('; ');
  const notChecked = (r: Report) => r.checks.filter((c) => c.status === 'not checked').length;
  if (code === 0) {
    return `verify: PASSED, the target conforms (${per((r) => `${r.checks.filter((c) => c.status === 'passed').length} checks passed${notChecked(r) > 0 ? `, ${notChecked(r)} not checked: no applicable answer` : ''}`)}); exit 0`;
  }
  if (code === 1) {
    const failures = reports.reduce((sum, r) => sum + r.failures.length, 0);
    const checks = new Set(reports.flatMap((r) => r.checks.filter((c) => c.failures > 0).map((c) => c.name))).size;
    const describe = (r: Report) =>
      r.blocker !== undefined
        ? 'could not verify'
        : `${r.failures.length} failure(s)${r.errors.length > 0 ? `, ${r.errors.length} error(s) of the run` : ''}`;
    return `verify: FAILED, ${failures} failure(s) in ${checks} check(s) (${per(describe)}); exit 1`;
  }
  const reasons = reports.map(
    (r) =>
      r.blocker ??
      (r.errors.length > 0
        ? `${r.errors.length} request(s) got no answer`
        : r.answered === 0
          ? 'no request was answered'
          : 'conforms'),
  );
  const why =
    reports.length === 0
      ? 'no suite ran'
      : new Set(reasons).size === 1
        ? reasons[0]!
        : per((r) => reasons[reports.indexOf(r)]!);
  return `verify: COULD NOT VERIFY (${why}); exit 2`;
}

/**
 * What a reader of a red run needs before the details: the verdict, the failing checks with their
 * counts, and how to replay a failure. Empty for a run with nothing to show.
 */
export function formatSummary(reports: Report[], verdict: string): string {
  const failing = new Map<string, number>();
  for (const check of reports.flatMap((r) => r.checks))
    if (check.failures > 0) failing.set(check.name, (failing.get(check.name) ?? 0) + check.failures);
  const unanswered = reports.reduce((sum, r) => sum + r.errors.length, 0);
  if (failing.size === 0 && unanswered === 0) return '';
  const secrets = reports.some((r) => [...r.failures, ...r.errors].some((f) => f.curl.includes('$KAITEN_')));
  const seeds = [...new Set(reports.map((r) => r.seed).filter((seed) => seed !== undefined))];
  const replay = [
    ...(secrets ? ['export KAITEN_TOKEN (and KAITEN_FORBIDDEN_TOKEN), then'] : []),
    'run the "reproduce:" curl line of a failure below',
    ...(seeds.length === 1 ? [`(--seed ${seeds[0]} sends the same cases again)`] : []),
  ];
  return [
    verdict,
    ...(failing.size === 0
      ? []
      : [`  failing checks: ${[...failing].map(([name, count]) => `${name} (${count})`).join(', ')}`]),
    ...(unanswered === 0 ? [] : [`  requests that got no answer: ${unanswered} (errors of the run, below)`]),
    `  to replay: ${replay.join(' ')}`,
  ].join('\n');
}

/** The whole console report of a run: a summary when something failed, each suite, one coverage table, the verdict again last. */
export function formatRun(reports: Report[], verdict = formatVerdict(reports)): string {
  return [formatSummary(reports, verdict), ...reports.map(formatReport), formatCoverage(reports), verdict]
    .filter((part) => part !== '')
    .join('\n\n');
}

/**
 * The console report of a `verify()` result, exactly as `kaiten-webhooks verify` prints it.
 * @example
 * const result = await verify({ baseUrl: 'http://127.0.0.1:4010' });
 * console.log(formatVerifyResult(result));
 */
export const formatVerifyResult = (result: { reports: Report[]; verdict: string }): string =>
  formatRun(result.reports, result.verdict);
