import { readFileSync } from 'node:fs';
import type { Entry } from 'har-format';
import { HarnessError } from '../platform/harness-error';

/** A HAR file that cannot be judged: said in one line, exit 2. */
export class HarError extends HarnessError {
  override name = 'HarError';
}

/** One recorded exchange, as plain data: what the checks need of a HAR entry. */
export interface Recorded {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: Buffer;
  startedAt: number;
  ms: number;
  /** Absent when the HAR holds no answer (status 0: aborted, blocked, a network error). */
  answer?: { status: number; headers: Record<string, string>; body: Buffer; bodyRecorded: boolean };
}

/** Header pairs as one record with lower-case names; HTTP/2 pseudo-headers (`:authority`) dropped, repeats joined. */
function headersOf(pairs: { name: string; value: string }[] | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { name, value } of pairs ?? []) {
    if (typeof name !== 'string' || name.startsWith(':')) continue;
    const key = name.toLowerCase();
    headers[key] = headers[key] === undefined ? String(value) : `${headers[key]}, ${String(value)}`;
  }
  return headers;
}

function recordedOf(entry: Entry, index: number): Recorded {
  const request = entry.request;
  if (typeof request?.method !== 'string' || typeof request.url !== 'string' || !URL.canParse(request.url))
    throw new HarError(`entry ${index + 1} has no request method and absolute URL`);
  const content = entry.response?.content;
  const status = entry.response?.status ?? 0;
  const answerBody =
    content?.text === undefined
      ? Buffer.alloc(0)
      : Buffer.from(content.text, content.encoding === 'base64' ? 'base64' : 'utf8');
  return {
    method: request.method.toUpperCase(),
    url: new URL(request.url),
    headers: headersOf(request.headers),
    body: Buffer.from(request.postData?.text ?? '', 'utf8'),
    startedAt: Date.parse(entry.startedDateTime),
    ms: typeof entry.time === 'number' ? entry.time : 0,
    // A body of some size whose text is not in the file was not recorded (not an empty body).
    ...(status > 0
      ? {
          answer: {
            status,
            headers: headersOf(entry.response.headers),
            body: answerBody,
            bodyRecorded: content?.text !== undefined || !((content?.size ?? 0) > 0),
          },
        }
      : {}),
  };
}

/** The entries of a HAR file, oldest first; a file that is not HAR is a HarError saying why. */
export function readHar(path: string): Recorded[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new HarError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let har: { log?: { entries?: unknown } };
  try {
    har = JSON.parse(text) as typeof har;
  } catch (error) {
    throw new HarError(`${path} is not JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(har?.log?.entries)) throw new HarError(`${path} is not a HAR file: it has no log.entries list`);
  try {
    return (har.log.entries as Entry[]).map(recordedOf).sort((a, b) => a.startedAt - b.startedAt);
  } catch (error) {
    if (error instanceof HarError) throw new HarError(`${path}: ${error.message}`);
    throw new HarError(`${path}: an entry is not HAR: ${(error as Error).message}`);
  }
}
