#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { EXIT, UsageError, type Output } from './commands/output';
import { MOCK_USAGE, PROXY_USAGE, VERIFY_USAGE } from './commands/usage';
import { readVersion } from './version';

export { EXIT, type Output } from './commands/output';

const USAGE = `Usage: kaiten-webhooks <command> [options]

Mock server and contract-testing harness for the Kaiten Webhooks API (POST /webhooks).

Commands:
  mock           serve the spec as a realistic mock API (kaiten-webhooks mock --help)
  verify         check a running implementation against the spec (kaiten-webhooks verify --help)
  proxy          check live traffic against the spec, both ways (kaiten-webhooks proxy --help)

Options:
  -h, --help     show this help and exit
  -v, --version  print the version and exit

Exit codes: 0 success, 1 violations found, 2 could not run (bad arguments, unusable spec).
`;

let signalled = false;

/** Settles on the first SIGINT or SIGTERM: how a running mock is told to stop, and verify to give up. */
function untilSignal(): Promise<void> {
  return new Promise((stop) => {
    const on = () => {
      signalled = true;
      stop();
    };
    process.once('SIGINT', on);
    process.once('SIGTERM', on);
  });
}

const COMMANDS: Record<string, { usage: string; run: (args: string[], output: Output, stopped: Promise<unknown>) => Promise<number> }> = {
  // Loaded on use: the mock pulls in Prism, verify pulls in Jest and Dredd.
  /* eslint-disable @typescript-eslint/no-require-imports */
  mock: { usage: MOCK_USAGE, run: (args, output, stopped) => (require('./commands/mock') as typeof import('./commands/mock')).runMock(args, output, stopped) },
  verify: { usage: VERIFY_USAGE, run: (args, output, stopped) => (require('./commands/verify') as typeof import('./commands/verify')).runVerify(args, output, stopped) },
  proxy: { usage: PROXY_USAGE, run: (args, output, stopped) => (require('./commands/proxy') as typeof import('./commands/proxy')).runProxy(args, output, stopped) },
  /* eslint-enable @typescript-eslint/no-require-imports */
};

/**
 * Runs the CLI on its arguments (without `node` and the script) and returns the exit code.
 * `stopped` ends a long-running command such as `mock`; by default SIGINT or SIGTERM.
 */
export async function runCli(args: string[], output: Output, stopped?: Promise<unknown>): Promise<number> {
  const [name, ...rest] = args;
  const command = name === undefined ? undefined : COMMANDS[name];
  try {
    if (command !== undefined) {
      if (rest.includes('--help') || rest.includes('-h')) {
        output.out(command.usage);
        return EXIT.ok;
      }
      return await command.run(rest, output, stopped ?? untilSignal());
    }
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } },
    });
    if (values.version === true) {
      output.out(`${readVersion()}\n`);
      return EXIT.ok;
    }
    if (positionals.length > 0) throw new UsageError(`unknown command "${positionals[0]}"`);
    output.out(USAGE);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof UsageError) && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') !== true) throw error;
    output.err(`kaiten-webhooks: ${(error as Error).message}\n\n${command?.usage ?? USAGE}`);
    return EXIT.unusable;
  }
}

if (require.main === module) {
  const output: Output = { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) };
  runCli(process.argv.slice(2), output).then(
    (code) => {
      process.exitCode = code;
      // An interrupted verify leaves Jest or Dredd mid-run, and neither can be cancelled.
      if (signalled) process.exit(code);
    },
    (error: unknown) => {
      process.stderr.write(`kaiten-webhooks: unexpected failure: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = EXIT.unusable;
    },
  );
}
