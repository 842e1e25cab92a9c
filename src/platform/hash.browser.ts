// The browser's twin of hash.ts: SHA-256 from @noble/hashes (synchronous, as seeded ids need;
// Web Crypto's digest is asynchronous) and the browser's own random UUIDs.
import { sha256 as nobleSha256 } from '@noble/hashes/sha2';

export const sha256 = (text: string): Uint8Array => nobleSha256(new TextEncoder().encode(text));

export const randomId = (): string => globalThis.crypto.randomUUID();
