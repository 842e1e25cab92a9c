/** How far a long run is, as one line rewritten in place on a terminal. */
export interface Progress {
  /** Shows `text` in place of the last line (at most every 100 ms, but always the first and the last). */
  update(text: string, final?: boolean): void;
  /** Clears the line, so the report that follows starts clean. */
  done(): void;
}

const EVERY_MS = 100;
const NONE: Progress = { update: () => undefined, done: () => undefined };

/**
 * A progress line on `stream`, only when `enabled` (standard error is a terminal): CI logs, pipes
 * and files get nothing of it.
 */
export function progressOn(stream: { write: (text: string) => unknown }, enabled: boolean): Progress {
  if (!enabled) return NONE;
  let last = 0;
  let shown = false;
  return {
    update(text, final = false) {
      const now = Date.now();
      if (!final && shown && now - last < EVERY_MS) return;
      last = now;
      shown = true;
      stream.write(`\r\x1b[2K${text}`);
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
