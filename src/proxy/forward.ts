// Forwards one request to the upstream as it came and streams the upstream's answer back as it
// comes, keeping a bounded copy of both bodies for the checks. Hop-by-hop headers stay behind.
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';
import type { Readable, Writable } from 'node:stream';

/** Where requests go, and how much of each body the checks get to see. */
export interface Upstream {
  url: URL;
  /** Extra certificate authorities (PEM) trusted beside the system's, for a private CA. */
  ca?: string;
  timeoutMs: number;
  /** Keep an answer with this status from the client (drained, not passed on): the caller answers instead. */
  replaceIf?: (status: number) => boolean;
}

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

/** The copy of a body the checks may see; bigger bodies still pass through whole. */
export const KEEP_LIMIT = 1024 * 1024;

// RFC 9110 7.6.1: meant for one connection only, never forwarded.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

/** Raw header pairs without the hop-by-hop ones (and those the Connection header names). */
function endToEnd(raw: string[]): string[] {
  const named = new Set<string>();
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.toLowerCase() === 'connection') for (const name of raw[i + 1]!.split(',')) named.add(name.trim().toLowerCase());
  const kept: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (!HOP_BY_HOP.has(name) && !named.has(name)) kept.push(raw[i]!, raw[i + 1]!);
  }
  return kept;
}

function headerRecord(raw: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    headers[name] = headers[name] === undefined ? raw[i + 1]! : `${headers[name]}, ${raw[i + 1]!}`;
  }
  return headers;
}

/** A bounded copy of a body's bytes, taken as they pass. */
function keeper(): { add: (chunk: Buffer) => void; kept: () => Kept } {
  const chunks: Buffer[] = [];
  let size = 0;
  let cut = false;
  const add = (chunk: Buffer) => {
    if (size >= KEEP_LIMIT) return void (cut = true);
    const room = KEEP_LIMIT - size;
    chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
    size += Math.min(chunk.length, room);
    if (chunk.length > room) cut = true;
  };
  return { add, kept: () => ({ bytes: Buffer.concat(chunks, size), cut }) };
}

/**
 * Passes a stream on chunk by chunk as it comes, with back-pressure, copying each chunk into
 * `keep` on the way: what pipe() through a PassThrough tap did, without a stream per body.
 */
function relay(from: Readable, to: Writable, keep: (chunk: Buffer) => void): void {
  from.on('data', (chunk: Buffer) => {
    keep(chunk);
    if (!to.write(chunk)) from.pause();
  });
  to.on('drain', () => from.resume());
  from.on('end', () => to.end());
}

function kindOf(error: NodeJS.ErrnoException): NonNullable<Forwarded['failure']>['kind'] {
  if (error.code === 'ECONNREFUSED' || error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') return 'refused';
  if (error.code === 'ECONNRESET' || error.code === 'EPIPE' || error.message === 'socket hang up') return 'reset';
  if (error.code === 'ETIMEDOUT' || error.code === 'UPSTREAM_TIMEOUT') return 'timeout';
  return 'other';
}

/** The upstream URL for a request target (`/webhooks?x=1`), under the upstream's base path. */
export function upstreamUrl(upstream: URL, target: string): string {
  return `${upstream.origin}${upstream.pathname.replace(/\/+$/, '')}${target}`;
}

/**
 * Sends `req` upstream and pipes the answer into `res`. Resolves when the answer has been passed on
 * (or could not be had: then nothing has been written to `res`, and `failure` says why).
 */
export function forward(req: IncomingMessage, res: ServerResponse, upstream: Upstream): Promise<Forwarded> {
  const started = performance.now();
  const sentAt = Date.now();
  const url = upstreamUrl(upstream.url, req.url ?? '/');
  const raw = endToEnd(req.rawHeaders).filter((_value, i, all) => !(i % 2 === 0 ? all[i]!.toLowerCase() === 'host' : all[i - 1]!.toLowerCase() === 'host'));
  const sent = keeper();
  const record = (fields: Pick<Forwarded, 'answer' | 'failure'>): Forwarded => ({ method: req.method ?? 'GET', url, headers: headerRecord(raw), body: sent.kept(), sentAt, ms: performance.now() - started, ...fields });

  return new Promise((resolve) => {
    const secure = upstream.url.protocol === 'https:';
    const options = { method: req.method, headers: [...raw, 'Host', upstream.url.host], ...(secure && upstream.ca !== undefined ? { ca: [...rootCertificates, upstream.ca] } : {}) };
    const outgoing = (secure ? httpsRequest : httpRequest)(url, options);
    let settled = false;
    const fail = (error: NodeJS.ErrnoException) => {
      if (settled) return;
      settled = true;
      outgoing.destroy();
      if (res.headersSent) res.destroy(); // the answer broke off midway: the client must see it broken too
      resolve(record({ failure: { kind: kindOf(error), message: error.message } }));
    };
    outgoing.setTimeout(upstream.timeoutMs, () => fail(Object.assign(new Error(`no answer from the upstream within ${upstream.timeoutMs} ms`), { code: 'UPSTREAM_TIMEOUT' })));
    outgoing.on('error', fail);
    // The client may leave at any point, before the upstream answers too.
    res.on('close', () => {
      if (settled || res.writableFinished) return;
      settled = true;
      outgoing.destroy();
      resolve({ ...record({}), clientGone: true });
    });
    outgoing.on('response', (incoming) => {
      const received = keeper();
      if (upstream.replaceIf?.(incoming.statusCode ?? 0) === true) {
        incoming.on('data', received.add);
        incoming.on('end', () => {
          settled = true;
          resolve({ ...record({ answer: { status: incoming.statusCode ?? 0, headers: headerRecord(incoming.rawHeaders), body: received.kept() } }), replaced: true });
        });
        return;
      }
      res.writeHead(incoming.statusCode ?? 502, endToEnd(incoming.rawHeaders));
      relay(incoming, res, received.add);
      incoming.on('error', fail);
      res.on('finish', () => {
        if (settled) return;
        settled = true;
        resolve(record({ answer: { status: incoming.statusCode ?? 0, headers: headerRecord(incoming.rawHeaders), body: received.kept() } }));
      });
    });
    relay(req, outgoing, sent.add);
  });
}
