import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkNames } from '../../contracts/checks/select';
import { formatRun } from '../../contracts/report/format';
import { toJUnit } from '../../contracts/report/junit';
import { writeReportFile } from '../../contracts/report/write';
import { ProxyStartError, startProxy, type ProxyOptions } from '../proxy/start';
import { FAIL_ON, proxyExitCode, proxyVerdict, type FailOn } from '../proxy/verdict';
import { SpecError } from '../spec/spec';
import { EXIT, integerFlag, UsageError, type Output } from './output';

interface ProxyRun {
  options: ProxyOptions;
  failOn: FailOn;
  junit?: string;
  report?: string;
}

function readCa(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--upstream-ca: cannot read ${path}: ${(error as Error).message}`);
  }
}

function parseProxyArgs(args: string[]): ProxyRun {
  const { values } = parseArgs({
    args,
    options: {
      upstream: { type: 'string' },
      spec: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      junit: { type: 'string' },
      report: { type: 'string' },
      'max-requests': { type: 'string' },
      duration: { type: 'string' },
      'fail-on': { type: 'string' },
      'upstream-ca': { type: 'string' },
      timeout: { type: 'string' },
      'clock-skew': { type: 'string' },
      'mock-unimplemented': { type: 'boolean' },
      checks: { type: 'string' },
      'exclude-checks': { type: 'string' },
    },
  });
  if (values.upstream === undefined) throw new UsageError('--upstream is required');
  const failOn = values['fail-on'] ?? 'any';
  if (!FAIL_ON.includes(failOn as FailOn)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, not "${failOn}"`);
  const options: ProxyOptions = { upstream: values.upstream, failOn: failOn as FailOn };
  if (values.spec !== undefined) options.spec = values.spec;
  if (values.host !== undefined) options.host = values.host;
  const port = integerFlag('port', values.port, 0, 65_535);
  if (port !== undefined) options.port = port;
  const maxRequests = integerFlag('max-requests', values['max-requests'], 1, 10_000_000);
  if (maxRequests !== undefined) options.maxRequests = maxRequests;
  const duration = integerFlag('duration', values.duration, 1, 7 * 86_400);
  if (duration !== undefined) options.durationMs = duration * 1000;
  const timeout = integerFlag('timeout', values.timeout, 100, 600_000);
  if (timeout !== undefined) options.timeoutMs = timeout;
  const skew = integerFlag('clock-skew', values['clock-skew'], 0, 86_400);
  if (skew !== undefined) options.clockSkewMs = skew * 1000;
  if (values['upstream-ca'] !== undefined) options.upstreamCa = readCa(values['upstream-ca']);
  if (values['mock-unimplemented'] === true) options.mockUnimplemented = true;
  if (values.checks !== undefined) options.checks = checkNames(values.checks);
  if (values['exclude-checks'] !== undefined) options.excludeChecks = checkNames(values['exclude-checks']);
  return { options, failOn: failOn as FailOn, ...(values.junit === undefined ? {} : { junit: values.junit }), ...(values.report === undefined ? {} : { report: values.report }) };
}

/**
 * `kaiten-webhooks proxy`: forwards traffic to the upstream and holds both sides to the spec until
 * a signal, `--max-requests` or `--duration`; then prints the report, writes JUnit and a JSON
 * report if asked, and returns 0, 1 or 2.
 */
export async function runProxy(args: string[], output: Output, stopped: Promise<unknown>): Promise<number> {
  const run = parseProxyArgs(args);
  let proxy;
  try {
    proxy = await startProxy({ ...run.options, log: (line) => output.out(`${line}\n`) });
  } catch (error) {
    if (!(error instanceof ProxyStartError) && !(error instanceof SpecError) && (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    output.err(`kaiten-webhooks: could not start the proxy: ${(error as Error).message}\n`);
    return EXIT.unusable;
  }
  output.out(`proxy listening on ${proxy.url}, forwarding to ${run.options.upstream}; live report at ${proxy.url}/__proxy/report\n`);
  const why = await Promise.race([stopped.then(() => 'a signal'), proxy.finished.then((reason) => (reason === 'max-requests' ? '--max-requests' : '--duration'))]);
  await proxy.close();
  const reports = proxy.reports();
  const verdict = proxyVerdict(reports, run.failOn);
  output.out(`proxy stopped (${why})\n\n${formatRun(reports, verdict)}\n`);
  let code: number = proxyExitCode(reports, run.failOn);
  for (const [path, what, text] of [
    [run.junit, 'JUnit file', () => toJUnit(reports, 'kaiten-webhooks proxy')],
    [run.report, 'report file', () => `${JSON.stringify({ verdict, exitCode: code, reports }, null, 2)}\n`],
  ] as const) {
    if (path === undefined) continue;
    const unwritten = writeReportFile(path, what, text());
    if (unwritten === undefined) continue;
    output.err(`kaiten-webhooks: ${unwritten}\n`);
    code = EXIT.unusable;
  }
  return code;
}
