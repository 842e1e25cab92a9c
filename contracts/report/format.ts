import type { Report, ReportedError, ReportedFailure } from './report';

const indent = (text: string, by: string) => text.split('\n').join(`\n${by}`);

/** One failure, as a person reads it: what was sent, what came back, what the spec expected, how to send it again. */
export function formatFailure(failure: ReportedFailure, number: number): string {
  const { request, response } = failure;
  const headers = Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`);
  return [
    `  ${number}) ${failure.operation}: ${failure.case}`,
    `     sent:      ${request.method} ${request.url}`,
    ...headers.map((header) => `                ${header}`),
    ...(request.body === undefined ? [] : [`                ${indent(request.body, '                ')}`]),
    `     got:       ${response.status} ${response.contentType ?? '(no content type)'}${response.body === '' ? '' : ` ${indent(response.body, '                ')}`}`,
    `     wrong:     ${failure.message}`,
    `     expected:  ${failure.expected}`,
    `     reproduce: ${failure.curl}`,
  ].join('\n');
}

function formatError(error: ReportedError, number: number): string {
  return [`  ${number}) ${error.operation}: ${error.case}: ${error.kind}: ${error.message}`, `     reproduce: ${error.curl}`].join('\n');
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => `  ${row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')}`.trimEnd()).join('\n');
}

/** The console report of one suite: failures grouped by check, errors of the run apart, coverage, a verdict. */
export function formatReport(report: Report): string {
  const lines = [`${report.suite}: ${report.target} against ${report.spec} (seed ${report.seed})`];
  lines.push(`  ${report.cases} cases, ${report.answered} answered in ${(report.durationMs / 1000).toFixed(1)} s`);
  for (const check of report.checks.filter((c) => c.failures > 0)) {
    lines.push('', `FAILED ${check.name} (${check.failures}): ${check.description}`);
    report.failures.filter((f) => f.check === check.name).forEach((failure, i) => lines.push(formatFailure(failure, i + 1)));
  }
  if (report.errors.length > 0) {
    lines.push('', `ERRORS of the run (${report.errors.length}): requests that got no answer; not check failures`);
    report.errors.forEach((error, i) => lines.push(formatError(error, i + 1)));
  }
  lines.push('', 'Documented responses exercised:');
  lines.push(table([['operation', 'status', 'cases', 'answers', ''], ...report.coverage.map((row) => [row.operation, row.status, String(row.cases), String(row.seen), row.note ?? ''])]));
  lines.push('', 'Checks:');
  lines.push(table(report.checks.map((check) => [check.failures === 0 ? 'passed' : 'FAILED', check.name, check.failures === 0 ? '' : `${check.failures} failure(s)`])));
  const verdict = report.failures.length > 0 ? `${report.failures.length} failure(s) in ${report.checks.filter((c) => c.failures > 0).length} check(s)` : 'every check passed';
  lines.push('', `${report.suite}: ${verdict}${report.errors.length > 0 ? `, ${report.errors.length} error(s) of the run` : ''}`);
  return lines.join('\n');
}
