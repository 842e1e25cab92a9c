import { sha256 } from '../../platform/hash';
import type { SpecDocument } from '../../spec/document';
import { createAnswerQueue, type AnswerQueue } from './answers';
import { createJournal, type Journal } from './journal';

/**
 * What a user can stage and read from outside the request: the answer queue and the journal.
 * Plain state beside the pipeline; the admin routes, `--answers` and `startMock()`'s handle all
 * write and read this one state, and it outlives spec reloads.
 */
export interface Control {
  answers: AnswerQueue;
  journal: Journal;
  /** Header, query and cookie names that carry credentials (lower case), masked in the journal; from the spec. */
  secrets: Set<string>;
}

/** A seeded draw for `rate` (the n-th draw of a seed is always the same), so that a run with --seed answers the same way. */
function drawFor(seed: string | undefined): () => number {
  if (seed === undefined) return Math.random;
  let n = 0;
  return () => {
    const hash = sha256(`${seed}:rate:${++n}`);
    return new DataView(hash.buffer, hash.byteOffset, hash.byteLength).getUint32(0) / 2 ** 32;
  };
}

export function createControl(journalSize: number, seed?: string): Control {
  return { answers: createAnswerQueue(drawFor(seed)), journal: createJournal(journalSize), secrets: new Set() };
}

/** The names the spec's security schemes carry credentials in (API keys), lower case. */
export function secretNamesOf(document: SpecDocument): string[] {
  return Object.values(document.components?.securitySchemes ?? {}).flatMap((scheme) =>
    'name' in scheme && typeof scheme.name === 'string' ? [scheme.name.toLowerCase()] : [],
  );
}
