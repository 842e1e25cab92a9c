import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DreddHooksError, runDredd } from '../../contracts/dredd/run-dredd';
import { formatReport } from '../../contracts/report/format';
import { toJUnit } from '../../contracts/report/junit';
import { exitCodeOf, type Report } from '../../contracts/report/report';
import { runJestSuite, SuiteError } from '../../contracts/run-jest';
import type { VerifySettings } from '../../contracts/run';
import { completeSettings } from '../../contracts/settings';
import { loadSpec, SpecError } from '../spec/load';
import { reachable } from './reachable';
import { EXIT, integerFlag, UsageError, type Output } from './output';


const SUITES = ['all', 'jest', 'dredd'] as const;

function parseVerifyArgs(args: string[]): { settings: VerifySettings; suite: (typeof SUITES)[number]; junit?: string } {
  const { values } = parseArgs({
    args,
    options: {
      'base-url': { type: 'string' },
      spec: { type: 'string' },
      token: { type: 'string' },
      'forbidden-token': { type: 'string' },
      suite: { type: 'string' },
      junit: { type: 'string' },
      seed: { type: 'string' },
      timeout: { type: 'string' },
      cases: { type: 'string' },
    },
  });
  const baseUrl = values['base-url'];
  if (baseUrl === undefined) throw new UsageError('--base-url is required');
  if (!/^https?:\/\/[^/]/.test(baseUrl) || !URL.canParse(baseUrl)) throw new UsageError(`--base-url must be an http(s) URL, not "${baseUrl}"`);
  const suite = values.suite ?? 'all';
  if (!SUITES.includes(suite as (typeof SUITES)[number])) throw new UsageError(`--suite must be one of ${SUITES.join(', ')}, not "${suite}"`);
  const partial: Partial<VerifySettings> & { baseUrl: string } = { baseUrl };
  if (values.spec !== undefined) partial.specPath = values.spec;
  if (values.token !== undefined) partial.token = values.token;
  if (values['forbidden-token'] !== undefined) partial.forbiddenToken = values['forbidden-token'];
  const seed = integerFlag('seed', values.seed, 0, 2 ** 31 - 1);
  if (seed !== undefined) partial.seed = seed;
  const timeout = integerFlag('timeout', values.timeout, 100, 600_000);
  if (timeout !== undefined) partial.timeoutMs = timeout;
  const cases = integerFlag('cases', values.cases, 0, 10_000);
  if (cases !== undefined) partial.randomBodies = cases;
  return { settings: completeSettings(partial), suite: suite as (typeof SUITES)[number], ...(values.junit === undefined ? {} : { junit: values.junit }) };
}

/** `kaiten-webhooks verify`: runs the suites, prints their reports, writes JUnit, returns 0, 1 or 2. */
export async function runVerify(args: string[], output: Output): Promise<number> {
  const { settings, suite, junit } = parseVerifyArgs(args);
  try {
    await loadSpec(settings.specPath);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    output.err(`kaiten-webhooks: ${error.message}\n`);
    return EXIT.unusable;
  }
  const unreachable = await reachable(settings.baseUrl, settings.timeoutMs);
  if (unreachable !== undefined) {
    output.err(`kaiten-webhooks: cannot reach ${settings.baseUrl}: ${unreachable}\n`);
    return EXIT.unusable;
  }
  const reports: Report[] = [];
  const dreddSuites: string[] = [];
  try {
    if (suite !== 'dredd') reports.push(await runJestSuite(settings));
    if (suite !== 'jest') {
      const dredd = await runDredd(settings);
      reports.push(dredd.report);
      if (dredd.junitSuite !== undefined) dreddSuites.push(dredd.junitSuite);
    }
  } catch (error) {
    if (!(error instanceof SuiteError) && !(error instanceof DreddHooksError)) throw error;
    output.err(`kaiten-webhooks: ${error.message}\n`);
    return EXIT.unusable;
  }
  output.out(`${reports.map(formatReport).join('\n\n')}\n`);
  if (junit !== undefined) writeFileSync(junit, toJUnit(reports, dreddSuites));
  return exitCodeOf(reports);
}
