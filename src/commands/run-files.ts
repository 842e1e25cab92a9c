import { writeGithubOutputs } from '../report/github';
import { toHtml } from '../report/html';
import { toJUnit } from '../report/junit';
import type { Report } from '../report/report';
import { writeReportFile } from '../report/write';
import { type Output } from './output';
import { EXIT } from '../platform/exit';

/** The files a judged run may be asked to leave (each absent when not asked for). */
export interface RunFiles {
  junit: string | undefined;
  html: string | undefined;
  /** The report as JSON. */
  report: string | undefined;
}

/**
 * Writes what was asked (JUnit named after `command`, HTML, JSON) and, under GitHub Actions, the annotations and the job
 * summary; says on `output` what could not be written. EXIT.unusable if anything could not.
 */
export function writeRunFiles(
  files: RunFiles,
  command: string,
  target: string,
  reports: Report[],
  verdict: string,
  exitCode: number,
  output: Output,
): number {
  const title = `${command}: ${target}`;
  let code: number = EXIT.ok;
  const say = (problem: string | undefined) => {
    if (problem === undefined) return;
    output.err(`kaiten-webhooks: ${problem}\n`);
    code = EXIT.unusable;
  };
  for (const [path, what, text] of [
    [files.junit, 'JUnit file', () => toJUnit(reports, command)],
    [files.html, 'HTML report', () => toHtml(reports, verdict, title)],
    [files.report, 'report file', () => `${JSON.stringify({ verdict, exitCode, reports }, null, 2)}\n`],
  ] as const) {
    if (path !== undefined) say(writeReportFile(path, what, text()));
  }
  say(writeGithubOutputs(reports, verdict, title, process.env, output.out));
  return code;
}
