import type { Entry, Header, Log } from 'har-format';
import { STATUS_CODES } from 'node:http';
import type { JournalEntry } from './journal';

/** A HAR 1.2 file (`{ log }`), as browsers' developer tools, Playwright and the proxy read and write it. */
export interface Har {
  log: Log;
}

const pairs = (values: Record<string, string | string[]>): Header[] =>
  Object.entries(values).flatMap(([name, value]) => (Array.isArray(value) ? value.map((each) => ({ name, value: each })) : [{ name, value }]));

// The journal keeps bodies parsed where they were JSON: written back as JSON text, so a HAR body is
// the same data, not always the same bytes.
const textOf = (body: unknown) => (body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body));

function entryOf(entry: JournalEntry, origin: string): Entry {
  const query = pairs(entry.query);
  const search = query.length === 0 ? '' : `?${new URLSearchParams(query.map(({ name, value }): [string, string] => [name, value])).toString()}`;
  const requestText = textOf(entry.body);
  const answerText = textOf(entry.answer.body);
  const answerType = entry.answer.headers['content-type'] ?? '';
  const fault = entry.reason === 'fault' ? { _error: entry.note ?? 'fault' } : {};
  return {
    startedDateTime: entry.time,
    time: entry.durationMs,
    request: {
      method: entry.method,
      url: `${origin}${entry.path}${search}`,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(entry.headers),
      queryString: query,
      ...(requestText === '' ? {} : { postData: { mimeType: entry.headers['content-type'] ?? '', text: requestText } }),
      headersSize: -1,
      bodySize: requestText === '' ? 0 : new TextEncoder().encode(requestText).length,
    },
    response: {
      status: entry.answer.status,
      statusText: entry.answer.status === 0 ? '' : (STATUS_CODES[entry.answer.status] ?? ''),
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(entry.answer.headers),
      content: { size: new TextEncoder().encode(answerText).length, mimeType: answerType, ...(answerText === '' ? {} : { text: answerText }) },
      redirectURL: entry.answer.headers.location ?? '',
      headersSize: -1,
      bodySize: answerText === '' ? 0 : new TextEncoder().encode(answerText).length,
      ...fault,
    },
    cache: {},
    timings: { send: 0, wait: entry.durationMs, receive: 0 },
    comment: `${entry.reason}${entry.note === undefined ? '' : `: ${entry.note}`}`,
  };
}

/**
 * The journal as a HAR 1.2 log, oldest first, the URLs under `origin` (`http://127.0.0.1:4010`).
 * Credentials stay as the journal masks them (`Bearer ***`, `***`): HAR lets a value be left out,
 * and a file that gets shared must not carry a token.
 */
export function toHar(entries: JournalEntry[], origin: string, version: string): Har {
  return { log: { version: '1.2', creator: { name: 'kaiten-webhooks-harness', version }, entries: entries.map((entry) => entryOf(entry, origin)) } };
}
