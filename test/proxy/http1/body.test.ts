// Where a body ends, read in pieces of every size: the decoded content is what was framed.
import { bodyReader } from '../../../src/proxy/http1/body';
import type { Framing } from '../../../src/proxy/http1/head';

/** Feeds `wire` to a reader `step` bytes at a time: the content, bytes used, and whether it ended. */
function readAll(framing: Framing, wire: string, step: number) {
  const reader = bodyReader(framing);
  const bytes = Buffer.from(wire, 'latin1');
  const content: Buffer[] = [];
  let used = 0;
  let held = Buffer.alloc(0);
  for (let at = 0; at < bytes.length; at += step) {
    held = Buffer.concat([held, bytes.subarray(at, at + step)]);
    const read = reader.read(held, (part) => content.push(Buffer.from(part)));
    if ('error' in read) return { error: read.error };
    used += read.used;
    held = held.subarray(read.used);
    if (read.done) return { content: Buffer.concat(content).toString('latin1'), used, done: true, rest: bytes.length - used };
  }
  return { content: Buffer.concat(content).toString('latin1'), used, done: false };
}

const CHUNKED = '5;ext=1\r\nhello\r\n1\r\n \r\n5\r\nworld\r\n0\r\nTrailer: x\r\n\r\n';

it.each([1, 2, 3, 7, 100])('decodes chunks read %d byte(s) at a time, extensions and trailers included, and stops at their end', (step) => {
  expect(readAll({ kind: 'chunked' }, `${CHUNKED}GET / HTTP/1.1`, step)).toMatchObject({ content: 'hello world', used: CHUNKED.length, done: true });
});

it('takes exactly a length, leaving what follows', () => {
  expect(readAll({ kind: 'length', length: 4 }, 'abcdGET', 3)).toMatchObject({ content: 'abcd', used: 4, done: true });
});

it('runs to the close when framed by it', () => {
  const reader = bodyReader({ kind: 'close' });
  expect(readAll({ kind: 'close' }, 'everything', 4)).toEqual({ content: 'everything', used: 10, done: false });
  expect(reader.closedWell()).toBe(true);
  expect(bodyReader({ kind: 'length', length: 3 }).closedWell()).toBe(false);
});

it.each([
  ['a size that is not hex', 'zz\r\n'],
  ['data longer than its size', '2\r\nabc\r\n'],
  ['a line without CR', '2\nab\r\n'],
  ['a size line that never ends', `1${';'.repeat(5000)}`],
])('refuses chunked framing with %s', (_name, wire) => {
  expect(readAll({ kind: 'chunked' }, wire, 3)).toMatchObject({ error: expect.any(String) as unknown });
});
