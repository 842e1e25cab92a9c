import type { Report } from './report';
import { capped, formatFailure } from './format';

/** Failures of one check written in full into JUnit; the rest are named on one line, so the file stays bounded. */
const JUNIT_IN_FULL = 10;

// Characters XML 1.0 cannot carry at all, even escaped (a body may contain them).
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

const escape = (text: string) =>
  text
    .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
    .replace(XML_FORBIDDEN, '');

const seconds = (value: number) => value.toFixed(3);

interface TestCase {
  classname: string;
  name: string;
  seconds: number;
  outcome?: { kind: 'failure' | 'error' | 'skipped'; message: string; text?: string };
}

function testcase({ classname, name, seconds: time, outcome }: TestCase): string {
  const open = `    <testcase classname="${escape(classname)}" name="${escape(name)}" time="${seconds(time)}"`;
  if (outcome === undefined) return `${open}/>`;
  const element = `<${outcome.kind} message="${escape(outcome.message)}"${outcome.text === undefined ? '/>' : `>${escape(outcome.text)}</${outcome.kind}>`}`;
  return `${open}>${element}</testcase>`;
}

function testsuite(name: string, durationSeconds: number, cases: TestCase[]): string {
  const count = (kind: string) => cases.filter((c) => c.outcome?.kind === kind).length;
  const attributes = `name="${escape(name)}" tests="${cases.length}" failures="${count('failure')}" errors="${count('error')}" skipped="${count('skipped')}" time="${seconds(durationSeconds)}"`;
  return [`  <testsuite ${attributes}>`, ...cases.map(testcase), '  </testsuite>'].join('\n');
}

/** A testcase per check (failed, passed, or skipped when it had nothing to judge), and one per request that got no answer. */
function checkCases(report: Report): TestCase[] {
  const classname = report.suite;
  if (report.blocker !== undefined)
    return [
      {
        classname,
        name: 'verify',
        seconds: report.durationMs / 1000,
        outcome: { kind: 'error', message: `could not verify: ${report.blocker}` },
      },
    ];
  const checks = report.checks.map((check): TestCase => {
    const base = { classname, name: check.name, seconds: check.seconds };
    if (check.status === 'not checked')
      return { ...base, outcome: { kind: 'skipped', message: 'not checked (no applicable answer)' } };
    if (check.status === 'passed') return base;
    const failures = report.failures.filter((f) => f.check === check.name);
    const text = capped(failures, JUNIT_IN_FULL, formatFailure, (f) => `${f.case} (${f.message})`).join('\n\n');
    return {
      ...base,
      outcome: { kind: 'failure', message: `${failures.length} failure(s): ${check.description}`, text },
    };
  });
  const errors = report.errors.map((error): TestCase => ({
    classname,
    name: `request completes: ${error.case}`,
    seconds: 0,
    outcome: { kind: 'error', message: `${error.kind}: ${error.message}`, text: error.curl },
  }));
  return [...checks, ...errors];
}

/** A testcase per request a suite chose itself (Dredd's transactions). */
function requestCases(report: Report): TestCase[] {
  return (report.requests ?? []).map((request) => {
    const base = { classname: `${report.suite} requests`, name: request.name, seconds: request.ms / 1000 };
    if (request.status === 'passed') return base;
    return {
      ...base,
      outcome: {
        kind: request.status === 'failed' ? 'failure' : 'skipped',
        message: request.message ?? request.status,
      },
    };
  });
}

const junitDocument = (suites: string[], name = 'kaiten-webhooks verify') =>
  ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="${name}">`, ...suites, '</testsuites>', ''].join('\n');

/** JUnit XML for CI: per suite, a <testsuite> of checks, and one of requests where the suite has them. */
export function toJUnit(reports: Report[], name?: string): string {
  const suites = reports.flatMap((report) => {
    const own = testsuite(report.suite, report.durationMs / 1000, checkCases(report));
    const requests = report.blocker === undefined ? requestCases(report) : [];
    return requests.length === 0
      ? [own]
      : [own, testsuite(`${report.suite} requests`, report.durationMs / 1000, requests)];
  });
  return junitDocument(suites, name);
}

/** JUnit XML for a run that could not verify at all (unreachable target, bad spec...), so a CI JUnit step still sees why. */
export function junitForProblem(problem: string): string {
  const suite = testsuite('kaiten-webhooks verify', 0, [
    {
      classname: 'kaiten-webhooks verify',
      name: 'verify',
      seconds: 0,
      outcome: { kind: 'error', message: `could not verify: ${problem}` },
    },
  ]);
  return junitDocument([suite]);
}
