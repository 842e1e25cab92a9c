#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { UsageError, type Output } from './commands/output';
import { EXIT } from './platform/exit';
import { splitAlongside } from './commands/alongside';
import { untilStopped } from './commands/lifetime';
import { runErrorOf, runErrorText } from './commands/run-error';
import { CHECK_USAGE, CLI_USAGE as USAGE, MOCK_USAGE, PROXY_USAGE, VERIFY_USAGE } from './commands/usage';
import { readVersion } from './platform/version';

let signalled = false;

/** Settles on a signal or when the parent goes away: how a running mock is told to stop, and verify to give up. */
const untilSignal = () =>
  untilStopped().then((why) => {
    signalled = true;
    return why;
  });

type Run = (args: string[], output: Output, stopped: Promise<unknown>, alongside?: string[]) => Promise<number>;

// `alongside`: the command takes `-- CMD ARGS`, run once it listens; it stops when CMD ends.
const COMMANDS: Record<string, { usage: string; alongside: boolean; run: Run }> = {
  // Loaded on use: the mock pulls in Prism, verify pulls in Jest and Dredd.
  /* eslint-disable @typescript-eslint/no-require-imports */
  mock: {
    usage: MOCK_USAGE,
    alongside: true,
    run: (...args) => (require('./commands/mock') as typeof import('./commands/mock')).runMock(...args),
  },
  verify: {
    usage: VERIFY_USAGE,
    alongside: false,
    run: (args, output, stopped) =>
      (require('./commands/verify') as typeof import('./commands/verify')).runVerify(args, output, stopped),
  },
  proxy: {
    usage: PROXY_USAGE,
    alongside: true,
    run: (...args) => (require('./commands/proxy') as typeof import('./commands/proxy')).runProxy(...args),
  },
  check: {
    usage: CHECK_USAGE,
    alongside: false,
    run: (args, output) => (require('./commands/check') as typeof import('./commands/check')).runCheck(args, output),
  },
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
      const { own, alongside } = splitAlongside(rest);
      if (own.includes('--help') || own.includes('-h')) {
        output.out(command.usage);
        return EXIT.ok;
      }
      if (alongside !== undefined && !command.alongside) throw new UsageError(`${name} takes no command after --`);
      if (alongside?.length === 0)
        throw new UsageError('-- must be followed by the command to run once the server listens');
      return await command.run(own, output, stopped ?? untilSignal(), alongside);
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
    // The one place an error of the run is said; anything else is a bug, reported below as one.
    const said = runErrorOf(error);
    if (said === undefined) throw error;
    output.err(runErrorText(said, command?.usage ?? USAGE));
    return said.exitCode;
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
