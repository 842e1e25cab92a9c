import type { Report } from '../report/report';

/** Which side's violations fail the run (`--fail-on`). */
export const FAIL_ON = ['request', 'response', 'any', 'none'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** What a proxy run found, side by side. */
interface Tally {
  requests: number;
  /** The client's side: requests the spec does not allow. */
  consumer: number;
  /** The server's side: answers that break the spec, and requests it gave no answer to. */
  provider: number;
  upstreamFailures: number;
}

function tally([requests, answers]: [Report, Report]): Tally {
  return {
    requests: requests.cases,
    consumer: requests.failures.length,
    provider: answers.failures.length + answers.errors.length,
    upstreamFailures: answers.errors.length,
  };
}

/**
 * 0: nothing of the kind `--fail-on` names; 1: violations of it; 2: nothing went through, so nothing was checked.
 * @example
 * process.exitCode = proxyExitCode(proxy.reports(), 'any');
 */
export function proxyExitCode(reports: [Report, Report], failOn: FailOn): 0 | 1 | 2 {
  const { requests, consumer, provider } = tally(reports);
  if (requests === 0) return 2;
  const counts = { request: consumer, response: provider, any: consumer + provider, none: 0 };
  return counts[failOn] > 0 ? 1 : 0;
}

/** Whose verdict it is: the proxy's (live traffic) or `check`'s (a HAR file). */
export interface VerdictSubject {
  name: string;
  /** Why nothing was checked, when nothing was. */
  nothing: string;
}

const PROXY: VerdictSubject = { name: 'proxy', nothing: 'no request went through the proxy' };

/**
 * The line that ends a proxy run (or a check of recorded traffic), matching its exit code.
 * @example
 * console.log(proxyVerdict(proxy.reports(), 'response')); // proxy: PASSED, 12 request(s): ...; exit 0
 */
export function proxyVerdict(reports: [Report, Report], failOn: FailOn, subject: VerdictSubject = PROXY): string {
  const { requests, consumer, provider, upstreamFailures } = tally(reports);
  const code = proxyExitCode(reports, failOn);
  if (code === 2) return `${subject.name}: NOTHING CHECKED, ${subject.nothing}; exit 2`;
  const found = `${requests} request(s): ${consumer} request violation(s) (consumer), ${provider} answer violation(s) (provider${upstreamFailures > 0 ? `, ${upstreamFailures} without an answer from the upstream` : ''})`;
  const rule =
    failOn === 'none'
      ? 'violations do not fail the run (--fail-on none)'
      : `failing on ${failOn === 'any' ? 'either side' : `the ${failOn} side`}`;
  return `${subject.name}: ${code === 1 ? 'FAILED' : 'PASSED'}, ${found}; ${rule}; exit ${code}`;
}
