/** How much the mock says: `info` is one line per request. */
export const LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Logger {
  error(line: string): void;
  warn(line: string): void;
  info(line: string): void;
  debug(line: string): void;
}

/** Writes plain lines at or above `level`; `write` defaults to standard output. */
export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  const rank = LOG_LEVELS.indexOf(level);
  const at = (lineLevel: LogLevel) => (line: string) => {
    if (LOG_LEVELS.indexOf(lineLevel) <= rank) write(line);
  };
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}
