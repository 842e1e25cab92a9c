import { progressOn } from './progress';

describe('progressOn', () => {
  it('rewrites one line in place, at most every 100 ms but always the last, and clears it when done', () => {
    const written: string[] = [];
    const progress = progressOn({ write: (text: string) => written.push(text) }, true);
    for (let i = 1; i <= 50; i++) progress.update(`${i}/50 cases sent`, i === 50);
    progress.done();
    expect(written[0]).toBe('\r\x1b[2K1/50 cases sent');
    expect(written.at(-2)).toBe('\r\x1b[2K50/50 cases sent');
    expect(written.at(-1)).toBe('\r\x1b[2K');
    expect(written.length).toBeLessThan(10);
  });

  it('writes nothing when not enabled (standard error is not a terminal)', () => {
    const written: string[] = [];
    const progress = progressOn({ write: (text: string) => written.push(text) }, false);
    progress.update('1/2');
    progress.done();
    expect(written).toEqual([]);
  });
});
