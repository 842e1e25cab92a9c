// A strict reader of the requests an upstream receives, for the differential test: "unambiguous
// framing" as RFC 9112 writes it, with none of its leniencies (no bare CR or LF, no obs-fold, no
// whitespace before a colon, one Content-Length or one `Transfer-Encoding: chunked`, never both).
// The test's oracle, not the proxy's code: the proxy reads nothing itself.

/** What the start of some bytes holds: a whole request of `size` bytes, the start of one, or something ambiguous. */
export type StrictRead =
  { kind: 'complete'; size: number } | { kind: 'incomplete' } | { kind: 'ambiguous'; why: string };

const REQUEST_LINE = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+ [\x21-\x7e]+ HTTP\/1\.1$/;
const FIELD =
  /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+):[ \t]*([\x21-\x7e\x80-\xff](?:[\t\x20-\x7e\x80-\xff]*[\x21-\x7e\x80-\xff])?)?[ \t]*$/;
const CHUNK_SIZE = /^[0-9a-fA-F]{1,8}$/;

const ambiguous = (why: string): StrictRead => ({ kind: 'ambiguous', why });

/** The fields of a block of CRLF-ended lines, or why one is not a field. */
function fieldsOf(lines: string[]): [string, string][] | string {
  const fields: [string, string][] = [];
  for (const line of lines) {
    const match = FIELD.exec(line);
    if (match === null) return `not a field line: ${JSON.stringify(line.slice(0, 60))}`;
    fields.push([match[1]!.toLowerCase(), match[2] ?? '']);
  }
  return fields;
}

/** A chunked body from `at`: its end, or why it is not one. */
function chunkedEnd(bytes: Buffer, at: number): StrictRead {
  let offset = at;
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', offset, 'latin1');
    if (lineEnd < 0) return { kind: 'incomplete' };
    const line = bytes.toString('latin1', offset, lineEnd);
    if (!CHUNK_SIZE.test(line)) return ambiguous(`a chunk size line ${JSON.stringify(line.slice(0, 40))}`);
    const size = parseInt(line, 16);
    offset = lineEnd + 2;
    if (size === 0) break;
    if (bytes.length < offset + size + 2) return { kind: 'incomplete' };
    if (bytes.toString('latin1', offset + size, offset + size + 2) !== '\r\n')
      return ambiguous('chunk data not ended by CRLF');
    offset += size + 2;
  }
  const end = bytes.indexOf('\r\n\r\n', offset - 2, 'latin1');
  if (end < 0) return { kind: 'incomplete' };
  const trailer = bytes.toString('latin1', offset, end);
  const fields = trailer === '' ? [] : fieldsOf(trailer.split('\r\n'));
  return typeof fields === 'string' ? ambiguous(`trailer: ${fields}`) : { kind: 'complete', size: end + 4 };
}

/** The request at the start of `bytes`, read strictly. */
export function readStrictly(bytes: Buffer): StrictRead {
  const headEnd = bytes.indexOf('\r\n\r\n', 0, 'latin1');
  if (headEnd < 0) return { kind: 'incomplete' };
  const [start = '', ...lines] = bytes.toString('latin1', 0, headEnd).split('\r\n');
  if (!REQUEST_LINE.test(start)) return ambiguous(`a request line ${JSON.stringify(start.slice(0, 60))}`);
  const fields = fieldsOf(lines);
  if (typeof fields === 'string') return ambiguous(fields);
  const lengths = fields.filter(([name]) => name === 'content-length').map(([, value]) => value);
  const codings = fields.filter(([name]) => name === 'transfer-encoding').map(([, value]) => value);
  if (lengths.length + codings.length > 1) return ambiguous(`framing said ${lengths.length + codings.length} times`);
  const bodyAt = headEnd + 4;
  if (codings.length === 1)
    return codings[0] === 'chunked' ? chunkedEnd(bytes, bodyAt) : ambiguous(`Transfer-Encoding ${codings[0]!}`);
  if (lengths.length === 0) return { kind: 'complete', size: bodyAt };
  if (!/^\d{1,15}$/.test(lengths[0]!)) return ambiguous(`Content-Length ${lengths[0]!}`);
  const size = bodyAt + Number(lengths[0]);
  return bytes.length < size ? { kind: 'incomplete' } : { kind: 'complete', size };
}

/** How many whole requests some bytes hold, read strictly one after another, and what follows them. */
export function countStrictly(bytes: Buffer): { complete: number; rest: StrictRead | undefined } {
  let complete = 0;
  let offset = 0;
  while (offset < bytes.length) {
    const read = readStrictly(bytes.subarray(offset));
    if (read.kind !== 'complete') return { complete, rest: read };
    complete++;
    offset += read.size;
  }
  return { complete, rest: undefined };
}
