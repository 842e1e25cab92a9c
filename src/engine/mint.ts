import { randomId, sha256 } from '../platform/hash';

/** The values a server makes up for one answer: one timestamp for the whole answer, fresh ids. */
export interface Minted {
  now: string;
  newId: () => string;
  /** A number unique to this answer, for numeric ids and seeds. */
  serial: number;
}

/** Makes `Minted` values per answer: random, or reproducible from a seed (same seed and requests, same values). */
export type Mint = () => Minted;

// Seeded clocks start here and tick one second per answer, so snapshots never depend on today.
const SEEDED_EPOCH = Date.UTC(2026, 0, 1);

function seededUuid(seed: string, n: number): string {
  const bytes = sha256(`${seed}:${n}`).subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A mint; with a seed, the n-th answer always gets the same timestamp and ids. */
export function createMint(seed?: string): Mint {
  let answers = 0;
  let ids = 0;
  if (seed === undefined) {
    // Formatting a date costs more than the rest of a mint: answers in the same millisecond share one.
    let at = 0;
    let now = '';
    return () => {
      const ms = Date.now();
      if (ms !== at) {
        at = ms;
        now = new Date(ms).toISOString();
      }
      return { now, newId: randomId, serial: ++answers };
    };
  }
  return () => {
    answers++;
    return {
      now: new Date(SEEDED_EPOCH + answers * 1000).toISOString(),
      newId: () => seededUuid(seed, ++ids),
      serial: answers,
    };
  };
}
