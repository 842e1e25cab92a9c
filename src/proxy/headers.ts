// Headers as the proxy passes them on: end-to-end ones only, written back in the case they came.
import type { IncomingMessage } from 'node:http';

// RFC 9110 7.6.1: meant for one connection only, never forwarded.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Raw header pairs without the hop-by-hop ones, those the Connection header names, and any in `also` (lower case). */
export function endToEnd(raw: string[], ...also: string[]): string[] {
  let named: Set<string> | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i]!.toLowerCase() !== 'connection') continue;
    named ??= new Set();
    for (const name of raw[i + 1]!.split(',')) named.add(name.trim().toLowerCase());
  }
  const kept: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (!HOP_BY_HOP.has(name) && named?.has(name) !== true && !also.includes(name)) kept.push(raw[i]!, raw[i + 1]!);
  }
  return kept;
}

/** Raw pairs as one record, names lower-cased, repeated ones comma-joined (what the checks read). */
export function headerRecord(raw: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    headers[name] = headers[name] === undefined ? raw[i + 1]! : `${headers[name]}, ${raw[i + 1]!}`;
  }
  return headers;
}

// The body goes upstream framed as Node's parser read it, by Node's client: chunked if it came
// chunked, else by its length. Said outright, never left to the headers passed on: a Connection
// header may name Content-Length, and Node's client frames a GET's body only when told how.
export function framingOf(req: IncomingMessage): string[] {
  if (req.headers['transfer-encoding'] !== undefined) return ['Transfer-Encoding', 'chunked'];
  const length = req.headers['content-length'];
  return length === undefined ? [] : ['Content-Length', length];
}
