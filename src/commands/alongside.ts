import { spawn } from 'node:child_process';

/** A command run once the server listens (`kaiten-webhooks proxy ... -- npm run test:e2e`). */
export interface Alongside {
  /** Settles with the command's exit code (128 + the signal's number if a signal ended it). */
  ended: Promise<number>;
  /** Ends the command if it still runs (the server stopped first). */
  stop(): void;
}

const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15 };

/**
 * Runs `argv` with the server's URL in `env`, its output on ours. The server stops when the command
 * ends: no background job, no signal to pass through `npx`'s shell, and the exit code is the run's.
 */
export function runAlongside(argv: string[], env: Record<string, string>, say: (line: string) => void): Alongside {
  const [command, ...args] = argv;
  const child = spawn(command!, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
  const ended = new Promise<number>((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      say(`cannot run ${command!}: ${error.code === 'ENOENT' ? 'no such command' : error.message}`);
      resolve(127);
    });
    child.once('exit', (code, signal) => resolve(code ?? 128 + (SIGNALS[signal ?? ''] ?? 0)));
  });
  return { ended, stop: () => void (child.exitCode === null && child.signalCode === null && child.kill('SIGTERM')) };
}

/** Splits `mock ... -- cmd args` at the first `--`: the command's own flags, and what to run alongside. */
export function splitAlongside(args: string[]): { own: string[]; alongside?: string[] } {
  const at = args.indexOf('--');
  if (at === -1) return { own: args };
  return { own: args.slice(0, at), alongside: args.slice(at + 1) };
}

/** How a serving command's run ended: why, and the exit code of the command alongside if its end was the reason. */
export interface ServedRun {
  why: string;
  commandCode?: number;
}

/**
 * Serves until `stopped` settles (its value, if a string, says why) or the command alongside ends;
 * a command still running when the server stops is ended with SIGTERM, and waited for.
 */
export async function serveUntil(
  stopped: Promise<unknown>,
  alongside: string[] | undefined,
  env: Record<string, string>,
  say: (line: string) => void,
): Promise<ServedRun> {
  const reason = stopped.then((why): ServedRun => ({ why: typeof why === 'string' ? why : 'a signal' }));
  if (alongside === undefined) return reason;
  const command = runAlongside(alongside, env, say);
  const run = await Promise.race([
    reason,
    command.ended.then((code): ServedRun => ({ why: `the command ended with exit code ${code}`, commandCode: code })),
  ]);
  if (run.commandCode === undefined) {
    command.stop();
    await command.ended;
  }
  return run;
}
