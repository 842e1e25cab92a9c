import { parseArgs } from 'node:util';
import { SpecError } from '../spec/load';
import { LOG_LEVELS, type LogLevel } from '../mock/log';
import { MAX_DELAY_MS } from '../mock/prefer';
import { startMock, type MockOptions } from '../mock/start';
import { EXIT, integerFlag, UsageError, type Output } from './output';

export const MOCK_USAGE = `Usage: kaiten-webhooks mock [options]

Serves the spec as a mock API: a 201 that reflects the request, the real problem+json for a
bad request, and every documented answer on demand (Prefer: code=403, example=..., dynamic=true,
delay=MS; or the __code, __example, __dynamic, __delay query parameters).

Options:
  --spec FILE              OpenAPI file to serve (default: the packaged spec/openapi.yaml)
  --host HOST              address to listen on (default: 127.0.0.1)
  --port N                 port to listen on; 0 picks a free one (default: 4010)
  --seed N                 reproducible ids, timestamps and generated data
  --token T                accept only this bearer token (repeatable; default: any token)
  --forbidden-token T      a token without the operation's scope: answered 403 (repeatable)
  --delay MS               wait before every answer (0-${MAX_DELAY_MS})
  --log-level LEVEL        ${LOG_LEVELS.join(', ')} (default: info, one line per request)
  --no-watch               do not reload the spec when its file changes
  -h, --help               show this help
`;

function parseMockArgs(args: string[]): MockOptions {
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
    },
  });
  const logLevel = values['log-level'];
  if (logLevel !== undefined && !LOG_LEVELS.includes(logLevel as LogLevel)) {
    throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}, not "${logLevel}"`);
  }
  const options: MockOptions = {
    port: integerFlag('port', values.port, 0, 65535) ?? 4010,
    delay: integerFlag('delay', values.delay, 0, MAX_DELAY_MS) ?? 0,
    watch: values['no-watch'] !== true,
    tokens: values.token ?? [],
    forbiddenTokens: values['forbidden-token'] ?? [],
  };
  if (values.spec !== undefined) options.spec = values.spec;
  if (values.host !== undefined) options.host = values.host;
  if (values.seed !== undefined) options.seed = values.seed;
  if (logLevel !== undefined) options.logLevel = logLevel as LogLevel;
  return options;
}

function listenError(error: NodeJS.ErrnoException, options: MockOptions): string | undefined {
  if (error.code === 'EADDRINUSE') return `port ${options.port} is in use: pick another with --port, or --port 0 for a free one`;
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') return `cannot listen on ${options.host}: no such local address`;
  if (error.code === 'EACCES') return `not allowed to listen on port ${options.port}`;
  return undefined;
}

/** `kaiten-webhooks mock`: serves until `stopped` settles (by default, SIGINT or SIGTERM). */
export async function runMock(args: string[], output: Output, stopped: Promise<unknown>): Promise<number> {
  const options = parseMockArgs(args);
  let mock;
  try {
    mock = await startMock({ ...options, log: (line) => output.out(`${line}\n`) });
  } catch (error) {
    const message = error instanceof SpecError ? error.message : listenError(error as NodeJS.ErrnoException, options);
    if (message === undefined) throw error;
    output.err(`kaiten-webhooks: ${message}\n`);
    return EXIT.unusable;
  }
  output.out(`listening on ${mock.url}\n`);
  await stopped;
  await mock.close();
  return EXIT.ok;
}
