// Where a message's body ends in the bytes as they arrive. The bytes themselves are relayed as
// they came (chunk framing included); what the checks see is the decoded content.
import type { Framing } from './head';

/** What one read of the bytes found: how many belong to the body, and whether it ended there. */
export interface BodyRead {
  used: number;
  done: boolean;
}

export interface BodyReader {
  /** Reads the body's share of `bytes`, handing its decoded content to `content`. */
  read(bytes: Buffer, content: (part: Buffer) => void): BodyRead | { error: string };
  /** The connection closed: whether that ended the body well (only a close-framed one). */
  closedWell(): boolean;
}

// A chunk-size line (size and extensions) longer than this is not a real one.
const SIZE_LINE_LIMIT = 4096;
const HEX = /^[0-9a-fA-F]{1,15}$/;

function lengthReader(length: number): BodyReader {
  let left = length;
  return {
    read(bytes, content) {
      const used = Math.min(left, bytes.length);
      if (used > 0) content(used === bytes.length ? bytes : bytes.subarray(0, used));
      left -= used;
      return { used, done: left === 0 };
    },
    closedWell: () => left === 0,
  };
}

/** RFC 9112 7.1: size line, data, CRLF, ... a zero size, trailer lines, a blank line. */
function chunkedReader(): BodyReader {
  let state: 'size' | 'data' | 'data-end' | 'trailer' = 'size';
  let left = 0;
  let line = '';
  return {
    read(bytes, content) {
      let at = 0;
      while (at < bytes.length) {
        if (state === 'data') {
          const take = Math.min(left, bytes.length - at);
          content(bytes.subarray(at, at + take));
          at += take;
          left -= take;
          if (left === 0) state = 'data-end';
          continue;
        }
        // Line states: gather up to a CRLF (a line may span reads).
        const end = bytes.indexOf(10, at);
        line += bytes.toString('latin1', at, end < 0 ? bytes.length : end + 1);
        at = end < 0 ? bytes.length : end + 1;
        if (line.length > SIZE_LINE_LIMIT) return { error: 'a chunk line over 4 KiB' };
        if (end < 0) break;
        if (!line.endsWith('\r\n')) return { error: 'a chunk line not ended by CRLF' };
        const text = line.slice(0, -2);
        line = '';
        if (state === 'data-end') {
          if (text !== '') return { error: 'chunk data longer than its size' };
          state = 'size';
        } else if (state === 'size') {
          const size = text.split(';')[0]!.trim();
          if (!HEX.test(size)) return { error: `an invalid chunk size "${size.slice(0, 20)}"` };
          left = parseInt(size, 16);
          state = left === 0 ? 'trailer' : 'data';
        } else if (text === '') {
          return { used: at, done: true };
        }
      }
      return { used: at, done: false };
    },
    closedWell: () => false,
  };
}

export function bodyReader(framing: Framing): BodyReader {
  switch (framing.kind) {
    case 'none':
      return lengthReader(0);
    case 'length':
      return lengthReader(framing.length);
    case 'chunked':
      return chunkedReader();
    case 'close':
      return { read: (bytes, content) => (content(bytes), { used: bytes.length, done: false }), closedWell: () => true };
  }
}
