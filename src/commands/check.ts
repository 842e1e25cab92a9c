import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatRun } from '../report/format';
import { checkNames } from '../checks/select';
import { readHar } from '../har/read-har';
import { judgeHar } from '../har/judge-har';
import { FAIL_ON, proxyExitCode, proxyVerdict, type FailOn } from '../traffic/verdict';
import { loadSpec } from '../spec/load';
import { DEFAULT_SPEC } from '../platform/version';
import { integerFlag, UsageError, type Output } from './output';
import { EXIT } from '../platform/exit';
import { writeRunFiles } from './run-files';

function parseCheckArgs(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      spec: { type: 'string' },
      'base-url': { type: 'string' },
      junit: { type: 'string' },
      html: { type: 'string' },
      report: { type: 'string' },
      'fail-on': { type: 'string' },
      'clock-skew': { type: 'string' },
      checks: { type: 'string' },
      'exclude-checks': { type: 'string' },
    },
  });
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0 ? 'name the HAR file to check' : `check takes one HAR file, not ${positionals.length}`,
    );
  const failOn = values['fail-on'] ?? 'any';
  if (!FAIL_ON.includes(failOn as FailOn))
    throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, not "${failOn}"`);
  const baseUrl = values['base-url'];
  if (baseUrl !== undefined && !(/^https?:\/\//.test(baseUrl) && URL.canParse(baseUrl)))
    throw new UsageError(`--base-url must be an http(s) URL, not "${baseUrl}"`);
  const selection = {
    ...(values.checks === undefined ? {} : { checks: checkNames(values.checks) }),
    ...(values['exclude-checks'] === undefined ? {} : { excludeChecks: checkNames(values['exclude-checks']) }),
  };
  return {
    selection,
    file: positionals[0]!,
    spec: values.spec,
    baseUrl,
    failOn: failOn as FailOn,
    clockSkewS: integerFlag('clock-skew', values['clock-skew'], 0, 86_400) ?? 300,
    files: { junit: values.junit, html: values.html, report: values.report },
  };
}

/** `kaiten-webhooks check FILE.har`: recorded traffic judged offline with the proxy's checks; 0, 1 or 2 as the proxy's. */
export async function runCheck(args: string[], output: Output): Promise<number> {
  const run = parseCheckArgs(args);
  const specPath = resolve(run.spec ?? DEFAULT_SPEC);
  // An unusable spec or HAR file, or an unknown check, is a HarnessError, which the CLI says.
  const spec = await loadSpec(specPath);
  const recorded = readHar(run.file);
  const { reports } = judgeHar(recorded, {
    ...run.selection,
    spec,
    specPath,
    file: run.file,
    clockSkewMs: run.clockSkewS * 1000,
    log: (line) => output.out(`${line}\n`),
    ...(run.baseUrl === undefined ? {} : { baseUrl: run.baseUrl }),
  });
  const verdict = proxyVerdict(reports, run.failOn, {
    name: 'check',
    nothing: `no entry of ${run.file} is for an operation of the spec`,
  });
  output.out(`${recorded.length} entr(y/ies) in ${run.file}\n\n${formatRun(reports, verdict)}\n`);
  const code = proxyExitCode(reports, run.failOn);
  return writeRunFiles(run.files, 'kaiten-webhooks check', run.file, reports, verdict, code, output) === EXIT.ok
    ? code
    : EXIT.unusable;
}
