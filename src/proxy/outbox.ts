// What the proxy writes to one socket in one turn goes out as one buffer: one write call (and
// one syscall), not a writev of a head string and a body. Heads are Latin-1, as they were read:
// a header value's bytes pass through as they came.
import type { Socket } from 'node:net';

export interface Outbox {
  add(piece: string | Buffer): void;
  /** Writes what was added, in order; false when the socket asks the writer to wait. */
  flush(): boolean;
}

export function outboxOf(socket: Socket): Outbox {
  let pieces: (string | Buffer)[] = [];
  return {
    add: (piece) => void pieces.push(piece),
    flush() {
      if (pieces.length === 0 || socket.destroyed) return (pieces = [], true);
      const out = pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces.map((piece) => (typeof piece === 'string' ? Buffer.from(piece, 'latin1') : piece)));
      pieces = [];
      return typeof out === 'string' ? socket.write(out, 'latin1') : socket.write(out);
    },
  };
}
