import { rawOf, Slot, store, textOf } from './journal-slot';

describe('a journal slot', () => {
  it('gives back each text as written, absent ones as undefined, and the raw bytes after them', () => {
    const slot = new Slot(4, 1);
    store(slot, ['POST', undefined, 'ключ\0значение 😀', ''], new Uint8Array([0xff, 0x00, 0x41]));
    expect([0, 1, 2, 3].map((i) => textOf(slot, i))).toEqual(['POST', undefined, 'ключ\0значение 😀', '']);
    expect([...rawOf(slot)]).toEqual([0xff, 0x00, 0x41]);
  });

  it('grows for a large entry, and a small entry written over it leaves nothing of it behind', () => {
    const slot = new Slot(2, 1);
    const large = 'é'.repeat(100_000);
    store(slot, [large, 'note'], new Uint8Array(5000).fill(7));
    expect(textOf(slot, 0)).toBe(large);
    expect(rawOf(slot)).toHaveLength(5000);
    store(slot, ['GET', undefined], new Uint8Array(0));
    expect([textOf(slot, 0), textOf(slot, 1), rawOf(slot).length]).toEqual(['GET', undefined, 0]);
    expect(slot.bytes.length).toBeLessThan(large.length); // the room a large entry took is given back
  });
});
