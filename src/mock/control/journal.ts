import type { MockResponse, Violation } from '../../problem';
import { queryOfPairs, type MockRequest } from '../request';

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
function shownBody(text: string): unknown {
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

function maskedHeaders(headers: Record<string, string>, secrets: ReadonlySet<string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, secrets.has(name) || ALWAYS_MASKED.includes(name) ? MASK : value]));
}

/** A request's headers as the journal and the debug log show them: credentials masked. */
export const shownHeaders = (request: MockRequest, secrets: ReadonlySet<string>): Record<string, string> => maskedHeaders(request.headers, secrets);

/** A request's body as the journal and the debug log show it: parsed JSON, else bounded text; undefined when empty. */
export const shownRequestBody = (request: MockRequest): unknown => (request.body.length === 0 ? undefined : shownBody(keptText(request.body)));

/** A bounded ring of the requests the mock answered, newest last; size 0 keeps nothing. */
export interface Journal {
  record(request: MockRequest, recording: Recording, secrets: ReadonlySet<string>): void;
  list(filter?: JournalFilter): JournalEntry[];
  clear(): void;
  /** Calls `listener` with every entry recorded from now on; returns the way to stop. */
  subscribe(listener: (entry: JournalEntry) => void): () => void;
  readonly size: number;
}

/** An answer as it went out: the body as the text that was sent ('' for none). */
export interface SentAnswer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** What the edge tells the journal about one answer (every field present, so every one has the same shape). */
export interface Recording {
  operation: string | undefined;
  answer: SentAnswer;
  reason: Reason;
  note: string | undefined;
  violations: Violation[];
  durationMs: number;
}

/**
 * What the ring holds: flat strings, not the request's and answer's object trees. An entry lives
 * for the next `size` requests, long enough to be copied by the young-generation collector and
 * promoted; a tree of objects made that cost more than the request itself, a few strings do not.
 * Masked and parsed only when read.
 */
interface Recorded {
  id: number;
  at: number;
  method: string;
  path: string;
  /** Query parameters and headers as `name\0value\0…`. */
  query: string;
  headers: string;
  /** The request body as UTF-8 text, cut at 4 KiB. */
  body: string;
  operation: string | undefined;
  reason: Reason;
  note: string | undefined;
  durationMs: number;
  answer: SentAnswer;
  /** The violations as JSON, '' for none. */
  violations: string;
  secrets: ReadonlySet<string>;
}

const SEPARATOR = '\0';

function flatten(values: Record<string, string | string[]>): string {
  const parts: string[] = [];
  for (const name in values) {
    const value = values[name]!;
    if (Array.isArray(value)) for (const each of value) parts.push(name, each);
    else parts.push(name, value);
  }
  return parts.join(SEPARATOR);
}

function unflatten(text: string): [string, string][] {
  if (text === '') return [];
  const parts = text.split(SEPARATOR);
  return Array.from({ length: parts.length / 2 }, (_, i) => [parts[2 * i]!, parts[2 * i + 1]!]);
}

/** A body's text as kept: bodies over 4 KiB cut, saying how long they were. */
const decoder = new TextDecoder();

function keptText(body: Uint8Array): string {
  if (body.length <= MAX_BODY_TEXT) return decoder.decode(body);
  return `${decoder.decode(body.subarray(0, MAX_BODY_TEXT))}… (${body.length} bytes)`;
}

function parsedOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function shown({ id, at, method, path, query, headers, body, operation, reason, note, durationMs, answer, violations, secrets }: Recorded): JournalEntry {
  return {
    id,
    time: new Date(at).toISOString(),
    method,
    path,
    query: masked(queryOfPairs(unflatten(query)), secrets),
    headers: maskedHeaders(Object.fromEntries(unflatten(headers)), secrets),
    ...(body === '' ? {} : { body: shownBody(body) }),
    ...(operation === undefined ? {} : { operation }),
    reason,
    ...(note === undefined ? {} : { note }),
    durationMs,
    answer: { status: answer.status, headers: answer.headers, ...(answer.text === '' ? {} : { body: parsedOrText(answer.text) }) },
    violations: violations === '' ? [] : (JSON.parse(violations) as Violation[]),
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
    record: (request, recording, secrets) => {
      if (size === 0) return;
      const id = next++;
      const recorded: Recorded = {
        id,
        at: Date.now(),
        method: request.method,
        path: request.path,
        query: flatten(request.query),
        headers: flatten(request.headers),
        body: request.body.length === 0 ? '' : keptText(request.body),
        operation: recording.operation,
        reason: recording.reason,
        note: recording.note,
        durationMs: recording.durationMs,
        answer: recording.answer,
        violations: recording.violations.length === 0 ? '' : JSON.stringify(recording.violations),
        secrets,
      };
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
