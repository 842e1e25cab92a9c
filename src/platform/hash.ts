// Hashing and random ids through node:crypto. The browser build swaps this file for
// hash.browser.ts (same functions, same results), so nothing else imports node:crypto.
import { createHash, randomUUID } from 'node:crypto';

/** SHA-256 of a string's UTF-8 bytes. */
export function sha256(text: string): Uint8Array {
  return createHash('sha256').update(text).digest();
}

/** A random version 4 UUID. */
export const randomId = (): string => randomUUID();
