// Where the journal keeps an entry: one place of its ring, reused as the ring turns. An entry's
// texts live as UTF-8 in bytes the place keeps (grown when an entry needs more), not as strings:
// an entry outlives several young-generation collections, and as strings every one was promoted
// to the old generation, which then grew by tens of MB between full collections under load.
// Platform-neutral (Uint8Array, TextEncoder): the same journal runs in the browser under MSW.

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const FIRST_BYTES = 2048;
/** A place grown past this by one large entry gives the room back when a small one follows. */
const ROOM_KEPT = 64 * 1024;

export class Slot {
  bytes = new Uint8Array(FIRST_BYTES);
  /** Where each text ends in `bytes`; the raw bytes (`store`'s `raw`) follow the last text. */
  ends: Int32Array;
  /** Numbers of the entry, kept as they are. */
  numbers: Float64Array;
  /** Which texts were absent (undefined), bit by bit. */
  absent = 0;
  rawEnd = 0;
  constructor(texts: number, numbers: number) {
    this.ends = new Int32Array(texts);
    this.numbers = new Float64Array(numbers);
  }
}

/** Makes sure `slot` has room for `more` bytes after `used`, keeping what it holds. */
function room(slot: Slot, used: number, more: number): void {
  if (used + more <= slot.bytes.length) return;
  const grown = new Uint8Array(Math.max(slot.bytes.length * 2, used + more));
  grown.set(slot.bytes.subarray(0, used));
  slot.bytes = grown;
}

/** Writes an entry's texts (undefined ones marked absent), then `raw` bytes, over what the slot held. */
export function store(slot: Slot, texts: readonly (string | undefined)[], raw: Uint8Array): void {
  if (slot.bytes.length > ROOM_KEPT) slot.bytes = new Uint8Array(FIRST_BYTES);
  let used = 0;
  slot.absent = 0;
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i];
    if (text === undefined) slot.absent |= 1 << i;
    else {
      // A UTF-16 code unit is at most 3 UTF-8 bytes: with that much room one write is always whole.
      room(slot, used, text.length * 3);
      used += encoder.encodeInto(text, slot.bytes.subarray(used)).written;
    }
    slot.ends[i] = used;
  }
  room(slot, used, raw.length);
  slot.bytes.set(raw, used);
  slot.rawEnd = used + raw.length;
}

/** The i-th text as stored. */
export function textOf(slot: Slot, i: number): string | undefined {
  if ((slot.absent & (1 << i)) !== 0) return undefined;
  return decoder.decode(slot.bytes.subarray(i === 0 ? 0 : slot.ends[i - 1]!, slot.ends[i]));
}

/** The raw bytes as stored (a view: decode or copy it before the slot is written again). */
export function rawOf(slot: Slot): Uint8Array {
  return slot.bytes.subarray(slot.ends[slot.ends.length - 1] ?? 0, slot.rawEnd);
}
