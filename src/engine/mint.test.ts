import { createMint } from './mint';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createMint', () => {
  it('without a seed: now, and a fresh UUID every time', () => {
    const before = Date.now();
    const minted = createMint()();
    expect(Date.parse(minted.now)).toBeGreaterThanOrEqual(before);
    const ids = new Set(Array.from({ length: 100 }, () => minted.newId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(UUID);
  });

  it('with a seed: the same answers in the same order get the same values', () => {
    const take = (seed: string) => {
      const mint = createMint(seed);
      return Array.from({ length: 3 }, () => {
        const minted = mint();
        return [minted.now, minted.newId(), minted.newId()];
      });
    };
    expect(take('42')).toEqual(take('42'));
    expect(take('42')).not.toEqual(take('43'));
    const [first, second] = take('42');
    expect(first![0]).not.toBe(second![0]);
    expect(first![1]).toMatch(UUID);
    expect(new Set([...first!.slice(1), ...second!.slice(1)]).size).toBe(4);
  });
});
