import { appendFileSync } from 'node:fs';
import { coverageLines, suiteName } from './format';
import type { Report } from './report';

/** Failures shown whole in the job summary; the rest are counted. */
const SUMMARY_FAILURES = 10;

// GitHub's workflow-command escaping: data may not hold %, CR or LF; a property not : or , either.
const data = (value: string) => value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (value: string) => data(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();

/** One `::error` workflow command per failure: GitHub shows each as an annotation titled with the check. */
export function githubAnnotations(reports: Report[]): string[] {
  return reports.flatMap((report) =>
    report.failures.map(
      (failure) =>
        `::error title=${property(`${failure.check} (${suiteName(report)})`)}::${data(oneLine(`${failure.operation}: ${failure.case}: ${failure.message}; expected ${failure.expected}`))}`,
    ),
  );
}

const cell = (value: string) => value.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The job summary in Markdown: the verdict, the checks of each suite, the coverage, the first failures with their curl lines. */
export function githubSummary(reports: Report[], verdict: string, title: string): string {
  const lines = [`## ${title}`, '', `**${verdict}**`, ''];
  for (const report of reports) {
    lines.push(
      `### ${report.suite}`,
      '',
      report.blocker === undefined
        ? `${report.cases} ${report.unit ?? 'cases'}, ${report.answered} answered`
        : `Could not verify: ${report.blocker}`,
      '',
    );
    lines.push('| status | check | judged | failures |', '|---|---|---|---|');
    for (const check of report.checks)
      lines.push(
        `| ${check.status === 'failed' ? '**FAILED**' : check.status} | \`${check.name}\` | ${check.judged} | ${check.failures} |`,
      );
    lines.push('');
  }
  const { suites, lines: coverage } = coverageLines(reports);
  if (suites.length > 0) {
    lines.push(
      '### Documented responses exercised',
      '',
      `| operation | status | ${suites.map(suiteName).join(' | ')} | |`,
      `|---|---|${suites.map(() => '---|').join('')}---|`,
    );
    for (const line of coverage)
      lines.push(
        `| ${cell(line.operation)} | ${line.status} | ${line.cells.map((c) => (c === undefined ? '-' : `${c.cases} / ${c.seen}`)).join(' | ')} | ${cell(line.notes.join('; '))} |`,
      );
    lines.push('');
  }
  const failures = reports.flatMap((report) => report.failures);
  if (failures.length > 0) {
    lines.push(`### First failures (${Math.min(SUMMARY_FAILURES, failures.length)} of ${failures.length})`, '');
    for (const failure of failures.slice(0, SUMMARY_FAILURES)) {
      lines.push(
        `- **${failure.check}**: ${failure.operation}: ${cell(failure.case)}: ${cell(failure.message)} (expected ${cell(failure.expected)})`,
        '',
        '  ```sh',
        `  ${failure.curl}`,
        '  ```',
        '',
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Under GitHub Actions (`GITHUB_ACTIONS=true`): the annotations on `out`, and the summary appended
 * to `$GITHUB_STEP_SUMMARY` when it is set. Nothing otherwise. Returns why the summary could not be
 * written, if it could not.
 */
export function writeGithubOutputs(
  reports: Report[],
  verdict: string,
  title: string,
  env: NodeJS.ProcessEnv,
  out: (text: string) => void,
): string | undefined {
  if (env.GITHUB_ACTIONS !== 'true') return undefined;
  for (const line of githubAnnotations(reports)) out(`${line}\n`);
  const path = env.GITHUB_STEP_SUMMARY;
  if (path === undefined || path === '') return undefined;
  try {
    appendFileSync(path, githubSummary(reports, verdict, title));
    return undefined;
  } catch (error) {
    return `cannot append the job summary to ${path}: ${(error as Error).message}`;
  }
}
