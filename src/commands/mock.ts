import { parseArgs } from 'node:util';
import { LOG_LEVELS, type LogLevel } from '../engine/log';
import { MAX_DELAY_MS } from '../engine/prefer';
import { readAnswersFile } from '../engine/control/load-answers';
import { MOCK_DEFAULTS } from '../engine/mock-defaults';
import { startMock, type MockOptions } from '../mock/start';
import { HarnessError } from '../platform/harness-error';
import { serveUntil } from './alongside';
import { integerFlag, UsageError, type Output } from './output';
import { EXIT } from '../platform/exit';
import { isWorker, reportListening, runPrimary } from './workers';

function parseMockArgs(args: string[]): MockOptions & { workers: number } {
  const { values } = parseArgs({
    args,
    options: {
      spec: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      seed: { type: 'string' },
      token: { type: 'string', multiple: true },
      'forbidden-token': { type: 'string', multiple: true },
      delay: { type: 'string' },
      'log-level': { type: 'string' },
      'no-watch': { type: 'boolean' },
      workers: { type: 'string' },
      'journal-size': { type: 'string' },
      answers: { type: 'string' },
      'admin-token': { type: 'string' },
    },
  });
  const logLevel = values['log-level'];
  if (logLevel !== undefined && !LOG_LEVELS.includes(logLevel as LogLevel)) {
    throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}, not "${logLevel}"`);
  }
  const workers = integerFlag('workers', values.workers, 1, 64) ?? 1;
  if (workers > 1 && values.seed !== undefined)
    throw new UsageError(
      '--seed needs a single worker: requests are spread over workers, so no sequence would be reproducible',
    );
  const options: MockOptions & { workers: number } = {
    workers,
    port: integerFlag('port', values.port, 0, 65535) ?? MOCK_DEFAULTS.port,
    delay: integerFlag('delay', values.delay, 0, MAX_DELAY_MS) ?? MOCK_DEFAULTS.delay,
    watch: values['no-watch'] !== true,
    tokens: values.token ?? [],
    forbiddenTokens: values['forbidden-token'] ?? [],
  };
  if (workers > 1 && values.answers !== undefined)
    throw new UsageError('--answers needs a single worker: staged answers are one state, which --workers would split');
  const journalSize = integerFlag('journal-size', values['journal-size'], 0, 1_000_000);
  if (journalSize !== undefined) options.journalSize = journalSize;
  if (values.answers !== undefined) options.answers = readAnswersFile(values.answers);
  if (values['admin-token'] !== undefined) options.adminToken = values['admin-token'];
  if (workers > 1) options.control = false;
  if (values.spec !== undefined) options.spec = values.spec;
  if (values.host !== undefined) options.host = values.host;
  if (values.seed !== undefined) options.seed = values.seed;
  if (logLevel !== undefined) options.logLevel = logLevel as LogLevel;
  return options;
}

function listenError(error: NodeJS.ErrnoException, options: MockOptions): string | undefined {
  if (error.code === 'EADDRINUSE')
    return `port ${options.port} is in use: pick another with --port, or --port 0 for a free one`;
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
    return `cannot listen on ${options.host}: no such local address`;
  if (error.code === 'EACCES') return `not allowed to listen on port ${options.port}`;
  return undefined;
}

/** `kaiten-webhooks mock`: serves until `stopped` settles (a signal, the parent gone) or the command alongside (`-- CMD`, with KAITEN_MOCK_URL set) ends, whose exit code it returns. */
export async function runMock(
  args: string[],
  output: Output,
  stopped: Promise<unknown>,
  alongside?: string[],
): Promise<number> {
  const { workers, ...options } = parseMockArgs(args);
  if (workers > 1 && !isWorker()) return runPrimary(workers, output, stopped, alongside);
  let mock;
  try {
    mock = await startMock({ ...options, log: (line) => output.out(`${line}\n`) });
  } catch (error) {
    // An unusable spec or answer is a HarnessError already, which the CLI says; a socket's error is worded here.
    const message = listenError(error as NodeJS.ErrnoException, options);
    if (message === undefined) throw error;
    throw new HarnessError(message, { cause: error });
  }
  if (isWorker()) {
    reportListening(mock.url, mock.startupMs);
  } else {
    output.out(`listening on ${mock.url}\n`);
    output.out(`ready in ${mock.startupMs} ms (spec load to listening)\n`);
    output.out(`${mock.controlAccess}\n`);
  }
  const { commandCode } = await serveUntil(
    stopped,
    isWorker() ? undefined : alongside,
    { KAITEN_MOCK_URL: mock.url },
    (line) => output.err(`kaiten-webhooks: ${line}\n`),
  );
  await mock.close();
  // A worker's channel to the primary would keep it alive after its server has closed.
  if (isWorker()) process.disconnect();
  return commandCode ?? EXIT.ok;
}
