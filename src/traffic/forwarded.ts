// What went through a proxy (or a HAR file says went through): the request as it went upstream and
// the answer (or why there was none), with bounded copies of both bodies for the checks.

/** A body as far as it was kept: the checks judge only a whole one. */
export interface Kept {
  bytes: Buffer;
  /** The body went past the limit: `bytes` is only its start. */
  cut: boolean;
}

/** What went through: the request as sent upstream, and the answer, or why there was none. */
export interface Forwarded {
  method: string;
  /** The upstream URL the request went to. */
  url: string;
  headers: Record<string, string>;
  body: Kept;
  sentAt: number;
  answer?: { status: number; headers: Record<string, string>; body: Kept };
  failure?: { kind: 'refused' | 'reset' | 'timeout' | 'other'; message: string };
  /** The upstream's answer was kept from the client (`replaceIf`); nothing has been written to it. */
  replaced?: true;
  /** The client left before the answer was passed on: nothing to hold against the upstream. */
  clientGone?: true;
  ms: number;
}
