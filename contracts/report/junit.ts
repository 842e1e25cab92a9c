import type { Report } from './report';
import { formatFailure } from './format';

// Characters XML 1.0 cannot carry at all, even escaped (a body may contain them).
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

const escape = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!).replace(XML_FORBIDDEN, '');

/** One <testsuite> per report: a <testcase> per check, and one per request that got no answer. */
function suite(report: Report): string {
  const cases = report.checks.map((check) => {
    const failures = report.failures.filter((f) => f.check === check.name);
    const body = failures.length === 0 ? '' : `<failure message="${escape(`${failures.length} failure(s): ${check.description}`)}">${escape(failures.map((f, i) => formatFailure(f, i + 1)).join('\n\n'))}</failure>`;
    return `    <testcase classname="${escape(report.suite)}" name="${escape(check.name)}">${body}</testcase>`;
  });
  const errors = report.errors.map(
    (error) => `    <testcase classname="${escape(report.suite)}" name="${escape(`request completes: ${error.case}`)}"><error message="${escape(`${error.kind}: ${error.message}`)}">${escape(error.curl)}</error></testcase>`,
  );
  const failed = report.checks.filter((c) => c.failures > 0).length;
  return [
    `  <testsuite name="${escape(report.suite)}" tests="${cases.length + errors.length}" failures="${failed}" errors="${errors.length}" time="${(report.durationMs / 1000).toFixed(3)}">`,
    ...cases,
    ...errors,
    '  </testsuite>',
  ].join('\n');
}

/** JUnit XML for CI, with any extra suites (Dredd's) appended as they are. */
export function toJUnit(reports: Report[], extraSuites: string[] = []): string {
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites>', ...reports.map(suite), ...extraSuites, '</testsuites>', ''].join('\n');
}
