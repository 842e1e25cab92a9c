import type { MockResponse } from '../problem';
import type { Violation } from '../../spec/huma';
import { queryOfPairs, type MockRequest } from '../request';
import { rawOf, Slot, store, textOf } from './journal-slot';

/** Why the mock gave the answer it gave. */
export type Reason =
  | 'reflected'
  | 'documented'
  | 'real error'
  | 'preference'
  | 'queued answer'
  | 'fault'
  | 'preflight'
  | 'not routed'
  | 'control';

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

/** A copy with the values of the secret names (lower case) masked. */
function masked<T>(values: Record<string, T>, secrets: ReadonlySet<string>): Record<string, T | string> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, secrets.has(name.toLowerCase()) ? MASK : value]),
  );
}

// Always masked, whatever the spec says: they carry credentials by their nature.
const ALWAYS_MASKED = ['authorization', 'proxy-authorization', 'cookie'];

/** An authorization header keeps its scheme (`Bearer ***`): not a secret, and often what went wrong. */
const CREDENTIALS_WITH_SCHEME = /^(authorization|proxy-authorization)$/;

function maskedValue(name: string, value: string): string {
  const scheme = CREDENTIALS_WITH_SCHEME.test(name) ? /^([!#$%&'*+.^_`|~\w-]+) +\S/.exec(value)?.[1] : undefined;
  return scheme === undefined ? MASK : `${scheme} ${MASK}`;
}

/** Headers with credentials masked: the names in `secrets` (lower case) and those that carry credentials by their nature. */
export function maskedHeaders(headers: Record<string, string>, secrets: ReadonlySet<string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      secrets.has(name) || ALWAYS_MASKED.includes(name) ? maskedValue(name, value) : value,
    ]),
  );
}

/** A request's headers as the journal and the debug log show them: credentials masked. */
export const shownHeaders = (request: MockRequest, secrets: ReadonlySet<string>): Record<string, string> =>
  maskedHeaders(request.headers, secrets);

/** A request's body as the journal and the debug log show it: parsed JSON, else bounded text; undefined when empty. */
export const shownRequestBody = (request: MockRequest): unknown =>
  request.body.length === 0 ? undefined : shownBody(keptText(request.body));

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

// An entry's texts and numbers, by their place in its slot (journal-slot.ts).
const [METHOD, PATH, QUERY, HEADERS, OPERATION, REASON, NOTE, ANSWER_HEADERS, ANSWER_TEXT, VIOLATIONS] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
] as const;
const TEXTS = 10;
const [ID, AT, STATUS, DURATION, BODY_LENGTH] = [0, 1, 2, 3, 4] as const;
const NUMBERS = 5;

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

function keptText(body: Uint8Array, length = body.length): string {
  if (length <= MAX_BODY_TEXT) return decoder.decode(body);
  return `${decoder.decode(body.subarray(0, MAX_BODY_TEXT))}… (${length} bytes)`;
}

/** A body as the journal shows it: parsed JSON where it parses, else its text (a request's already cut by keptText). */
function shownBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function shown(slot: Slot, secrets: ReadonlySet<string>): JournalEntry {
  const text = (i: number) => textOf(slot, i) ?? '';
  const { numbers } = slot;
  const operation = textOf(slot, OPERATION);
  const note = textOf(slot, NOTE);
  const answerText = text(ANSWER_TEXT);
  const violations = text(VIOLATIONS);
  return {
    id: numbers[ID]!,
    time: new Date(numbers[AT]!).toISOString(),
    method: text(METHOD),
    path: text(PATH),
    query: masked(queryOfPairs(unflatten(text(QUERY))), secrets),
    headers: maskedHeaders(Object.fromEntries(unflatten(text(HEADERS))), secrets),
    ...(numbers[BODY_LENGTH] === 0 ? {} : { body: shownBody(keptText(rawOf(slot), numbers[BODY_LENGTH])) }),
    ...(operation === undefined ? {} : { operation }),
    reason: text(REASON) as Reason,
    ...(note === undefined ? {} : { note }),
    durationMs: numbers[DURATION]!,
    answer: {
      status: numbers[STATUS]!,
      headers: Object.fromEntries(unflatten(text(ANSWER_HEADERS))),
      ...(answerText === '' ? {} : { body: shownBody(answerText) }),
    },
    violations: violations === '' ? [] : (JSON.parse(violations) as Violation[]),
  };
}

export function createJournal(size: number): Journal {
  // A ring: `ring[(next - 1) % size]` is the newest entry; its slots are written over as it
  // turns, and nothing is masked or parsed until someone reads it (the mock stands in for an API
  // under load). `secretsAt` holds the secret names in force when each entry was recorded.
  let ring: Slot[] = [];
  let secretsAt: ReadonlySet<string>[] = [];
  let next = 1;
  const entries = () => {
    const count = Math.min(next - 1, size);
    const found: JournalEntry[] = [];
    for (let i = 0; i < count; i++) {
      const place = (next - 1 - count + i) % size;
      if (ring[place] !== undefined) found.push(shown(ring[place], secretsAt[place]!));
    }
    return found;
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
      const place = (id - 1) % size;
      const slot = (ring[place] ??= new Slot(TEXTS, NUMBERS));
      const { answer } = recording;
      const texts = [
        request.method,
        request.path,
        flatten(request.query),
        flatten(request.headers),
        recording.operation,
        recording.reason,
        recording.note,
        flatten(answer.headers),
        answer.text,
        recording.violations.length === 0 ? '' : JSON.stringify(recording.violations),
      ];
      store(slot, texts, request.body.length <= MAX_BODY_TEXT ? request.body : request.body.subarray(0, MAX_BODY_TEXT));
      slot.numbers[ID] = id;
      slot.numbers[AT] = Date.now();
      slot.numbers[STATUS] = answer.status;
      slot.numbers[DURATION] = recording.durationMs;
      slot.numbers[BODY_LENGTH] = request.body.length;
      secretsAt[place] = secrets;
      if (listeners.size > 0) {
        const entryShown = shown(slot, secrets);
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
      secretsAt = [];
    },
  };
}
