import type { Entry, Header, Log } from 'har-format';
import { STATUS_CODES } from 'node:http';
import type { JournalEntry } from './journal';

/** A HAR 1.2 file (`{ log }`), as browsers' developer tools, Playwright and the proxy read and write it. */
export interface Har {
  log: Log;
}

const pairs = (values: Record<string, string | string[]>): Header[] =>
  Object.entries(values).flatMap(([name, value]) =>
    Array.isArray(value) ? value.map((each) => ({ name, value: each })) : [{ name, value }],
  );

// The journal keeps bodies parsed where they were JSON: written back as JSON text, so a HAR body is
// the same data, not always the same bytes.
const textOf = (body: unknown) => (body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body));

/** One exchange as a HAR entry is built from it, whichever face saw it (the mock's journal, the proxy). */
export interface HarExchange {
  startedAt: string;
  ms: number;
  method: string;
  /** The URL without its query, and the query apart. */
  url: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  requestText: string;
  /** Absent when no answer came (a fault, an upstream that gave none): status 0 and `_error`. */
  answer?: { status: number; headers: Record<string, string>; text: string };
  error?: string;
  comment?: string;
}

const bytesOf = (text: string) => new TextEncoder().encode(text).length;

/** A HAR 1.2 entry; request and answer bodies as text (HAR's `postData.text`, `content.text`). */
export function harEntry(exchange: HarExchange): Entry {
  const query = pairs(exchange.query);
  const search =
    query.length === 0
      ? ''
      : `?${new URLSearchParams(query.map(({ name, value }): [string, string] => [name, value])).toString()}`;
  const answer = exchange.answer ?? { status: 0, headers: {}, text: '' };
  return {
    startedDateTime: exchange.startedAt,
    time: exchange.ms,
    request: {
      method: exchange.method,
      url: `${exchange.url}${search}`,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(exchange.headers),
      queryString: query,
      ...(exchange.requestText === ''
        ? {}
        : { postData: { mimeType: exchange.headers['content-type'] ?? '', text: exchange.requestText } }),
      headersSize: -1,
      bodySize: bytesOf(exchange.requestText),
    },
    response: {
      status: answer.status,
      statusText: answer.status === 0 ? '' : (STATUS_CODES[answer.status] ?? ''),
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(answer.headers),
      content: {
        size: bytesOf(answer.text),
        mimeType: answer.headers['content-type'] ?? '',
        ...(answer.text === '' ? {} : { text: answer.text }),
      },
      redirectURL: answer.headers.location ?? '',
      headersSize: -1,
      bodySize: bytesOf(answer.text),
      ...(exchange.error === undefined ? {} : { _error: exchange.error }),
    },
    cache: {},
    timings: { send: 0, wait: exchange.ms, receive: 0 },
    ...(exchange.comment === undefined ? {} : { comment: exchange.comment }),
  };
}

/** A HAR 1.2 log of these entries, written by this package. */
export const harLog = (entries: Entry[], version: string): Har => ({
  log: { version: '1.2', creator: { name: 'kaiten-webhooks-harness', version }, entries },
});

function entryOf(entry: JournalEntry, origin: string): Entry {
  const fault = entry.reason === 'fault';
  return harEntry({
    startedAt: entry.time,
    ms: entry.durationMs,
    method: entry.method,
    url: `${origin}${entry.path}`,
    query: entry.query,
    headers: entry.headers,
    requestText: textOf(entry.body),
    ...(fault
      ? { error: entry.note ?? 'fault' }
      : { answer: { status: entry.answer.status, headers: entry.answer.headers, text: textOf(entry.answer.body) } }),
    comment: `${entry.reason}${entry.note === undefined ? '' : `: ${entry.note}`}`,
  });
}

/**
 * The journal as a HAR 1.2 log, oldest first, the URLs under `origin` (`http://127.0.0.1:4010`).
 * Credentials stay as the journal masks them (`Bearer ***`, `***`): HAR lets a value be left out,
 * and a file that gets shared must not carry a token.
 */
export function toHar(entries: JournalEntry[], origin: string, version: string): Har {
  return harLog(
    entries.map((entry) => entryOf(entry, origin)),
    version,
  );
}
