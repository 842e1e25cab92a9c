import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkNames } from '../checks/select';
import { formatRun } from '../report/format';
import { ProxyStartError, startProxy, type ProxyOptions } from '../proxy/start';
import { FAIL_ON, proxyExitCode, proxyVerdict, type FailOn } from '../traffic/verdict';
import { progressOn } from '../report/progress';
import { writeReportFile } from '../report/write';
import { serveUntil } from './alongside';
import { writeRunFiles } from './run-files';
import { integerFlag, UsageError, type Output } from './output';
import { EXIT } from '../platform/exit';

interface ProxyRun {
  options: ProxyOptions;
  failOn: FailOn;
  junit: string | undefined;
  html: string | undefined;
  report: string | undefined;
  har: string | undefined;
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
      html: { type: 'string' },
      report: { type: 'string' },
      har: { type: 'string' },
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
  if (!FAIL_ON.includes(failOn as FailOn))
    throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, not "${failOn}"`);
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
  if (values.har !== undefined) options.recordHar = true;
  if (values.checks !== undefined) options.checks = checkNames(values.checks);
  if (values['exclude-checks'] !== undefined) options.excludeChecks = checkNames(values['exclude-checks']);
  return {
    options,
    failOn: failOn as FailOn,
    junit: values.junit,
    html: values.html,
    report: values.report,
    har: values.har,
  };
}

/**
 * `kaiten-webhooks proxy`: forwards traffic to the upstream and holds both sides to the spec until
 * a signal, `--max-requests`, `--duration` or the end of the command run alongside (`-- CMD`, with
 * KAITEN_PROXY_URL set); then prints the report, writes JUnit and a JSON
 * report if asked, and returns 0, 1 or 2.
 */
export async function runProxy(
  args: string[],
  output: Output,
  stopped: Promise<unknown>,
  alongside?: string[],
): Promise<number> {
  const run = parseProxyArgs(args);
  // On a terminal: a running count on one line, cleared for each violation's own line and at the end.
  const progress = progressOn(process.stderr, process.stderr.isTTY === true);
  let proxy;
  try {
    proxy = await startProxy({ ...run.options, log: (line) => (progress.done(), output.out(`${line}\n`)) });
  } catch (error) {
    // Why it cannot start is a ProxyStartError already, which the CLI says; but for a port in use.
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    throw new ProxyStartError((error as Error).message, { cause: error });
  }
  output.out(
    `proxy listening on ${proxy.url}, forwarding to ${run.options.upstream}; live report at ${proxy.url}/__proxy/report\n`,
  );
  const running = proxy;
  const ticker = setInterval(() => {
    const { requests, consumer, provider } = running.tally();
    progress.update(`proxy: ${requests} request(s), ${consumer} consumer / ${provider} provider violation(s)`, true);
  }, 250).unref();
  const ended = Promise.race([
    stopped,
    proxy.finished.then((reason) => (reason === 'max-requests' ? '--max-requests' : '--duration')),
  ]);
  const { why, commandCode } = await serveUntil(ended, alongside, { KAITEN_PROXY_URL: proxy.url }, (line) =>
    output.err(`kaiten-webhooks: ${line}\n`),
  );
  await proxy.close();
  clearInterval(ticker);
  progress.done();
  const reports = proxy.reports();
  const verdict = proxyVerdict(reports, run.failOn);
  output.out(`proxy stopped (${why})\n\n${formatRun(reports, verdict)}\n`);
  // The verdict decides; a clean verdict passes on the exit code of the command run alongside.
  const code: number = proxyExitCode(reports, run.failOn);
  if (writeRunFiles(run, 'kaiten-webhooks proxy', run.options.upstream, reports, verdict, code, output) !== EXIT.ok)
    return EXIT.unusable;
  const unwritten =
    run.har === undefined
      ? undefined
      : writeReportFile(run.har, 'HAR file', `${JSON.stringify(proxy.har(), null, 2)}\n`);
  if (unwritten !== undefined) {
    output.err(`kaiten-webhooks: ${unwritten}\n`);
    return EXIT.unusable;
  }
  return code === EXIT.ok && commandCode !== undefined ? commandCode : code;
}
