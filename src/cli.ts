#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { readVersion } from './version';

/** Where the CLI writes; tests pass their own. */
export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const EXIT = { ok: 0, failed: 1, unusable: 2 } as const;

const USAGE = `Usage: kaiten-webhooks [options]

Mock server and contract-testing harness for the Kaiten Webhooks API (POST /webhooks).

Options:
  -h, --help     show this help and exit
  -v, --version  print the version and exit

Exit codes: 0 success, 1 violations found, 2 could not run (bad arguments, unusable spec).
`;

/** Runs the CLI on its arguments (without `node` and the script) and returns the exit code. */
export function runCli(args: string[], output: Output): number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } },
    });
  } catch (error) {
    output.err(`kaiten-webhooks: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT.unusable;
  }
  const { values, positionals } = parsed;
  if (values.version === true) {
    output.out(`${readVersion()}\n`);
    return EXIT.ok;
  }
  if (values.help === true || positionals.length === 0) {
    output.out(USAGE);
    return EXIT.ok;
  }
  output.err(`kaiten-webhooks: unknown command "${positionals[0]}"\n\n${USAGE}`);
  return EXIT.unusable;
}

if (require.main === module) {
  process.exitCode = runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
}
