import { rememberedFor, rememberedPer } from './remember';

describe('remembered work', () => {
  it('works a value out once per owner, an undefined one too', () => {
    let calls = 0;
    const of = rememberedFor((owner: { n?: number }) => (calls++, owner.n));
    const [a, b] = [{ n: 1 }, {}];
    expect([of(a), of(a), of(b), of(b)]).toEqual([1, 1, undefined, undefined]);
    expect(calls).toBe(2);
  });

  it('works a value out once per owner and key, and past the limit each time', () => {
    let calls = 0;
    const per = rememberedPer((owner: { base: number }, key: number) => (calls++, owner.base + key), 2);
    const owner = { base: 10 };
    expect([per(owner, 1), per(owner, 1), per(owner, 2), per(owner, 2)]).toEqual([11, 11, 12, 12]);
    expect(calls).toBe(2);
    expect([per(owner, 3), per(owner, 3)]).toEqual([13, 13]);
    expect(calls).toBe(4); // a third key is not kept
    expect(per({ base: 0 }, 1)).toBe(1); // another owner has its own table
  });
});
