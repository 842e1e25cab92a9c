import type { MockResponse, Violation } from '../../problem';
import type { MockRequest } from '../request';

/** Why the mock gave the answer it gave. */
export type Reason = 'reflected' | 'documented' | 'real error' | 'preference' | 'queued answer' | 'fault' | 'preflight' | 'not routed' | 'control';

/** One request the mock answered, as the journal keeps it (secrets masked). */
export interface JournalEntry {
  id: number;
  /** ISO time the request arrived. */
  time: string;
  /** `POST /webhooks`; absent when no operation matched. */
  operation?: string;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  /** The body as parsed JSON, else as text (cut at 4 KiB); absent when there was none. */
  body?: unknown;
  answer: MockResponse;
  reason: Reason;
  /** A note on the reason, such as a request preference winning over a queued answer. */
  note?: string;
  /** What was wrong with the request (the real error's violations). */
  violations: Violation[];
  durationMs: number;
}

/** What the journal is asked for: `GET /__mock/requests?operation=&status=&limit=&since=`. */
export interface JournalFilter {
  operation?: string;
  status?: number;
  /** Only entries after this id. */
  since?: number;
  /** The newest this many. Default 100. */
  limit?: number;
}

const MASK = '***';
const MAX_BODY_TEXT = 4096;

/** The body as the journal shows it: parsed JSON where it parses, else bounded text. */
function shownBody(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  const text = body.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text.length > MAX_BODY_TEXT ? `${text.slice(0, MAX_BODY_TEXT)}… (${text.length} characters)` : text;
  }
}

/** A copy with the values of the secret names (lower case) masked. */
function masked<T>(values: Record<string, T>, secrets: ReadonlySet<string>): Record<string, T | string> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, secrets.has(name.toLowerCase()) ? MASK : value]));
}

// Always masked, whatever the spec says: they carry credentials by their nature.
const ALWAYS_MASKED = ['authorization', 'proxy-authorization', 'cookie'];

/** A request's headers as the journal and the debug log show them: credentials masked. */
export function shownHeaders(request: MockRequest, secrets: ReadonlySet<string>): Record<string, string> {
  return Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, secrets.has(name) || ALWAYS_MASKED.includes(name) ? MASK : value]));
}

/** A request's body as the journal and the debug log show it: parsed JSON, else bounded text; undefined when empty. */
export const shownRequestBody = (request: MockRequest): unknown => (request.body.length === 0 ? undefined : shownBody(request.body));

/** A bounded ring of the requests the mock answered, newest last; size 0 keeps nothing. */
export interface Journal {
  record(request: MockRequest, entry: Pick<JournalEntry, 'operation' | 'answer' | 'reason' | 'note' | 'violations' | 'durationMs'>, secrets: ReadonlySet<string>): void;
  list(filter?: JournalFilter): JournalEntry[];
  clear(): void;
  /** Calls `listener` with every entry recorded from now on; returns the way to stop. */
  subscribe(listener: (entry: JournalEntry) => void): () => void;
  readonly size: number;
}

/** What the ring holds: the request as it came (bodies over 4 KiB cut), shown (masked, parsed) only when read. */
interface Recorded {
  id: number;
  at: number;
  request: MockRequest;
  entry: Pick<JournalEntry, 'operation' | 'answer' | 'reason' | 'note' | 'violations' | 'durationMs'>;
  secrets: ReadonlySet<string>;
}

/** A request kept for the journal: a big body is cut (and copied, so the whole one can be freed). */
function kept(request: MockRequest): MockRequest {
  if (request.body.length <= MAX_BODY_TEXT) return request;
  return { ...request, body: Buffer.concat([request.body.subarray(0, MAX_BODY_TEXT), Buffer.from(`… (${request.body.length} bytes)`)]) };
}

function shown({ id, at, request, entry, secrets }: Recorded): JournalEntry {
  return {
    id,
    time: new Date(at).toISOString(),
    method: request.method,
    path: request.path,
    query: masked(request.query, secrets),
    headers: shownHeaders(request, secrets),
    ...(request.body.length === 0 ? {} : { body: shownRequestBody(request) }),
    ...entry,
  };
}

export function createJournal(size: number): Journal {
  // A ring: `ring[(next - 1) % size]` is the newest entry; nothing is copied as it turns, and
  // nothing is masked or parsed until someone reads it (the mock stands in for an API under load).
  let ring: (Recorded | undefined)[] = [];
  let next = 1;
  const entries = () => {
    const count = Math.min(next - 1, size);
    return Array.from({ length: count }, (_, i) => ring[(next - 1 - count + i) % size]).flatMap((recorded) => (recorded === undefined ? [] : [shown(recorded)]));
  };
  const listeners = new Set<(entry: JournalEntry) => void>();
  return {
    size,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    record: (request, entry, secrets) => {
      if (size === 0) return;
      const id = next++;
      const recorded: Recorded = { id, at: Date.now(), request: kept(request), entry, secrets };
      ring[(id - 1) % size] = recorded;
      if (listeners.size > 0) {
        const entryShown = shown(recorded);
        for (const listener of listeners) listener(entryShown);
      }
    },
    list: (filter = {}) => {
      const found = entries().filter(
        (entry) =>
          (filter.operation === undefined || entry.operation === filter.operation) &&
          (filter.status === undefined || entry.answer.status === filter.status) &&
          (filter.since === undefined || entry.id > filter.since),
      );
      return found.slice(-(filter.limit ?? 100));
    },
    clear: () => {
      ring = []; // ids keep counting, so `since` stays meaningful
    },
  };
}
