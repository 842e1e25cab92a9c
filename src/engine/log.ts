/** How much the mock says: `info` is one line per request. */
export const LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Logger {
  error(line: string): void;
  warn(line: string): void;
  info(line: string): void;
  debug(line: string): void;
}

let stdoutWriter: ((line: string) => void) | undefined;

/**
 * Standard output, written once per turn of the event loop: a write to a pipe is synchronous
 * on Linux, and one per request was a tenth of the mock's time under load. One writer per
 * process, however many mocks it starts (one exit hook, one buffer for the one stdout).
 */
export function bufferedStdout(): (line: string) => void {
  stdoutWriter ??= createBufferedStdout();
  return stdoutWriter;
}

function createBufferedStdout(): (line: string) => void {
  let pending: string[] = [];
  const flush = () => {
    const text = pending.join('');
    pending = [];
    process.stdout.write(text);
  };
  process.once('exit', () => {
    if (pending.length > 0) process.stdout.write(pending.join(''));
  });
  return (line) => {
    if (pending.push(`${line}\n`) === 1) setImmediate(flush);
  };
}

/** Writes plain lines at or above `level`; `write` defaults to (buffered) standard output. */
export function createLogger(level: LogLevel, write: (line: string) => void = bufferedStdout()): Logger {
  const rank = LOG_LEVELS.indexOf(level);
  const at = (lineLevel: LogLevel) => (LOG_LEVELS.indexOf(lineLevel) <= rank ? write : () => undefined);
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}
