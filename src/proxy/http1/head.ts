// The head of an HTTP/1.1 message, read from the bytes as they arrive: the proxy relays bytes
// between sockets and reads only what it must (the start line, the headers, how the body is
// framed). Strict where laxness lets one message hide in another (RFC 9112 6.3, 11.2).

import { METHODS } from 'node:http';

/** How a message's body ends. */
export type Framing = { kind: 'none' } | { kind: 'length'; length: number } | { kind: 'chunked' } | { kind: 'close' };

export interface Head {
  /** Request: method, target, version; answer: version, status, reason. */
  start: [string, string, string];
  /** Name/value pairs as sent (names in their case), like Node's rawHeaders. */
  raw: string[];
  framing: Framing;
  /** HTTP/1.0, or `Connection: close`: the connection ends after this message. */
  closes: boolean;
  /** Bytes the head took, its blank line included. */
  size: number;
}

/** Why a head could not be read, as the status a client gets for it. */
export interface HeadError {
  status: 400 | 431 | 502;
  why: string;
}

/** A head may be this long at most (Node's default, `--max-http-header-size`). */
export const HEAD_LIMIT = 16 * 1024;

const KNOWN_METHODS = new Set(METHODS);
const METHOD_LIMIT = Math.max(...METHODS.map((method) => method.length)) + 1;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const TARGET = /^[\x21-\x7e]+$/;
// Field values: visible characters, spaces, tabs and obs-text; never a control character.
const VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
const LENGTH = /^\d{1,15}$/;

const bad = (why: string, status: HeadError['status'] = 400): HeadError => ({ status, why });

/** The end of the head in `bytes` (the index after its blank line), or -1 while it is incomplete. */
const endOf = (bytes: Buffer): number => {
  const at = bytes.indexOf('\r\n\r\n', 0, 'latin1');
  return at < 0 ? -1 : at + 4;
};

/** The header pairs, and the values of the three headers that say how the message is framed. */
interface Fields {
  raw: string[];
  coding: string | undefined;
  length: string | undefined;
  connection: string | undefined;
}

const join = (joined: string | undefined, value: string) => (joined === undefined ? value : `${joined}, ${value}`);

// A bare CR or LF inside a line fails the name or value test: every line is CRLF-ended.
function fields(lines: string[]): Fields | HeadError {
  const found: Fields = { raw: [], coding: undefined, length: undefined, connection: undefined };
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const colon = line.indexOf(':');
    if (colon <= 0) return bad(line.startsWith(' ') || line.startsWith('\t') ? 'a folded header line (obs-fold)' : 'a header line without a name');
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1).trim();
    if (!TOKEN.test(name)) return bad(`an invalid header name "${name.slice(0, 40)}"`);
    if (!VALUE.test(value)) return bad(`a control character in header ${name}`);
    found.raw.push(name, value);
    // Only names of these lengths can be one of the three: most headers are never lower-cased.
    if (name.length === 17 && name.toLowerCase() === 'transfer-encoding') found.coding = join(found.coding, value.toLowerCase());
    else if (name.length === 14 && name.toLowerCase() === 'content-length') found.length = join(found.length, value);
    else if (name.length === 10 && name.toLowerCase() === 'connection') found.connection = join(found.connection, value.toLowerCase());
  }
  return found;
}

/** The body's framing from the headers; `unframed` is what a message with neither header has. */
function framingOf({ coding, length }: Fields, unframed: Framing): Framing | HeadError {
  if (coding !== undefined) {
    if (length !== undefined) return bad('both Transfer-Encoding and Content-Length');
    return coding.trim() === 'chunked' ? { kind: 'chunked' } : bad(`an unsupported Transfer-Encoding "${coding}"`);
  }
  if (length === undefined) return unframed;
  if (LENGTH.test(length)) return { kind: 'length', length: Number(length) };
  const values = new Set(length.split(',').map((value) => value.trim()));
  const [only] = values;
  if (values.size !== 1 || !LENGTH.test(only!)) return bad(`an invalid Content-Length "${length}"`);
  return { kind: 'length', length: Number(only) };
}

function closes(version: string, { connection = '' }: Fields): boolean {
  if (connection === '') return version === 'HTTP/1.0';
  return version === 'HTTP/1.0' ? !/(^|,)\s*keep-alive\s*(,|$)/.test(connection) : /(^|,)\s*close\s*(,|$)/.test(connection);
}

function split(bytes: Buffer): { lines: string[]; size: number } | HeadError | undefined {
  const size = endOf(bytes);
  if (size < 0) return bytes.length > HEAD_LIMIT ? bad('a head over 16 KiB', 431) : undefined;
  if (size > HEAD_LIMIT) return bad('a head over 16 KiB', 431);
  return { lines: bytes.toString('latin1', 0, size - 4).split('\r\n'), size };
}

/**
 * Whether the bytes so far cannot begin a request line: refused at once, not when a head never
 * comes. Methods are the ones Node's own parser knows (`http.METHODS`), as for the mock.
 */
function notAMethod(bytes: Buffer): boolean {
  const space = bytes.indexOf(32);
  const start = bytes.toString('latin1', 0, Math.min(space < 0 ? bytes.length : space, METHOD_LIMIT));
  if (space < 0) return bytes.length >= METHOD_LIMIT || !METHODS.some((method) => method.startsWith(start));
  return !KNOWN_METHODS.has(start);
}

/** A request head from the start of `bytes`; undefined while it is incomplete. Leading blank lines are skipped by the caller. */
export function readRequestHead(bytes: Buffer): Head | HeadError | undefined {
  if (notAMethod(bytes)) return bad('not an HTTP request line');
  const parts = split(bytes);
  if (parts === undefined || 'status' in parts) return parts;
  const start = parts.lines[0]!.split(' ');
  const [method = '', target = '', version = ''] = start;
  if (start.length !== 3 || !TOKEN.test(method) || !TARGET.test(target)) return bad('not an HTTP request line');
  if (version !== 'HTTP/1.1' && version !== 'HTTP/1.0') return bad(`an unsupported version "${version.slice(0, 20)}"`);
  const found = fields(parts.lines);
  if ('status' in found) return found;
  const framing = framingOf(found, { kind: 'none' });
  if ('status' in framing) return framing;
  return { start: [method, target, version], raw: found.raw, framing, closes: closes(version, found), size: parts.size };
}

/** An answer's head; `method` is the request's (a HEAD's answer has no body). */
export function readResponseHead(bytes: Buffer, method: string): Head | HeadError | undefined {
  const parts = split(bytes);
  if (parts === undefined || 'status' in parts) return parts === undefined ? undefined : { ...parts, status: 502 };
  const line = parts.lines[0]!;
  const match = /^(HTTP\/1\.[01]) (\d{3})(?: (.*))?$/.exec(line);
  if (match === null) return bad(`not an HTTP status line: "${line.slice(0, 60)}"`, 502);
  const [, version, status, reason = ''] = match as unknown as [string, string, string, string | undefined];
  const found = fields(parts.lines);
  if ('status' in found) return { ...found, status: 502 };
  const code = Number(status);
  const bodiless = method === 'HEAD' || code < 200 || code === 204 || code === 304;
  const framing = bodiless ? { kind: 'none' as const } : framingOf(found, { kind: 'close' });
  if ('status' in framing) return { ...framing, status: 502 };
  return { start: [version, status, reason], raw: found.raw, framing, closes: closes(version, found) || framing.kind === 'close', size: parts.size };
}
