// Forwarding one request: where it goes, and the bounded copies of its bodies kept for the checks.

import type { Forwarded, Kept } from '../traffic/forwarded';

/** Where requests go, and how much of each body the checks get to see. */
export interface Upstream {
  url: URL;
  /** Extra certificate authorities (PEM) trusted beside the system's, for a private CA. */
  ca?: string;
  timeoutMs: number;
}

/** The copy of a body the checks may see; bigger bodies still pass through whole. */
export const KEEP_LIMIT = 1024 * 1024;

/** A bounded copy of a body's bytes, taken as they pass. */
export function keeper(): { add: (chunk: Buffer) => void; kept: () => Kept } {
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

/** What a socket error on the upstream link says happened (a timeout or a close without answer is known without one). */
export function kindOf(error: NodeJS.ErrnoException): NonNullable<Forwarded['failure']>['kind'] {
  if (error.code === 'ECONNREFUSED' || error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') return 'refused';
  if (error.code === 'ECONNRESET' || error.code === 'EPIPE') return 'reset';
  if (error.code === 'ETIMEDOUT') return 'timeout';
  return 'other';
}

/**
 * A request line's target in origin form (`/webhooks?x=1`): an absolute-form one (from a client
 * that takes the proxy for a forward proxy) is read as its path and query.
 */
export function originForm(target: string): string {
  if (target.startsWith('/') || target === '*') return target;
  const url = URL.canParse(target) ? new URL(target) : undefined;
  return url === undefined || !url.pathname.startsWith('/') ? `/${target}` : `${url.pathname}${url.search}`;
}

/** An origin-form target under the upstream's base path: what the request line upstream carries. */
export const upstreamTarget = (upstream: URL, target: string): string =>
  target === '*' ? target : `${upstream.pathname.replace(/\/+$/, '')}${target}`;
