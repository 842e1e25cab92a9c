import { parseArgs } from 'node:util';
import { formatVerifyResult } from '../report/format';
import { checkNames } from '../checks/select';
import { writeGithubOutputs } from '../report/github';
import { checkBaseUrl, SUITES, unknownCheck, verify, type Suite, type VerifyOptions } from '../../contracts/verify';
import { integerFlag, UsageError, type Output } from './output';

function parseVerifyArgs(args: string[]): VerifyOptions {
  const { values } = parseArgs({
    args,
    options: {
      'base-url': { type: 'string' },
      spec: { type: 'string' },
      token: { type: 'string' },
      'forbidden-token': { type: 'string' },
      suite: { type: 'string' },
      junit: { type: 'string' },
      html: { type: 'string' },
      seed: { type: 'string' },
      timeout: { type: 'string' },
      cases: { type: 'string' },
      'clock-skew': { type: 'string' },
      checks: { type: 'string' },
      'exclude-checks': { type: 'string' },
    },
  });
  const baseUrl = values['base-url'];
  if (baseUrl === undefined) throw new UsageError('--base-url is required');
  const wrongUrl = checkBaseUrl(baseUrl);
  if (wrongUrl !== undefined) throw new UsageError(wrongUrl);
  const suite = values.suite ?? 'all';
  if (!SUITES.includes(suite as Suite))
    throw new UsageError(`--suite must be one of ${SUITES.join(', ')}, not "${suite}"`);
  const options: VerifyOptions = { baseUrl, suite: suite as Suite };
  if (values.spec !== undefined) options.spec = values.spec;
  if (values.token !== undefined) options.token = values.token;
  if (values['forbidden-token'] !== undefined) options.forbiddenToken = values['forbidden-token'];
  if (values.junit !== undefined) options.junit = values.junit;
  if (values.html !== undefined) options.html = values.html;
  const seed = integerFlag('seed', values.seed, 0, 2 ** 31 - 1);
  if (seed !== undefined) options.seed = seed;
  const timeout = integerFlag('timeout', values.timeout, 100, 600_000);
  if (timeout !== undefined) options.timeoutMs = timeout;
  const cases = integerFlag('cases', values.cases, 0, 10_000);
  if (cases !== undefined) options.cases = cases;
  const skew = integerFlag('clock-skew', values['clock-skew'], 0, 86_400);
  if (skew !== undefined) options.clockSkewMs = skew * 1000;
  if (values.checks !== undefined) options.checks = checkNames(values.checks);
  if (values['exclude-checks'] !== undefined) options.excludeChecks = checkNames(values['exclude-checks']);
  const unknown = unknownCheck(options);
  if (unknown !== undefined) throw new UsageError(unknown);
  return options;
}

/** `kaiten-webhooks verify`: runs the suites, prints their reports, writes JUnit, returns 0, 1 or 2. `stopped` interrupts it. */
export async function runVerify(args: string[], output: Output, stopped: Promise<unknown>): Promise<number> {
  const options = parseVerifyArgs(args);
  const interrupt = new AbortController();
  void stopped.then(() => interrupt.abort());
  const result = await verify({ ...options, signal: interrupt.signal, progress: process.stderr.isTTY === true });
  if (result.reports.length > 0) output.out(`${formatVerifyResult(result)}\n`);
  if (result.problem !== undefined) output.err(`kaiten-webhooks: ${result.problem}\n`);
  const unwritten = writeGithubOutputs(
    result.reports,
    result.verdict,
    `kaiten-webhooks verify: ${options.baseUrl}`,
    process.env,
    output.out,
  );
  if (unwritten !== undefined) output.err(`kaiten-webhooks: ${unwritten}\n`);
  return result.exitCode;
}
