import { patternMisses } from './pattern-misses';

const values = (pattern: string) => patternMisses(pattern).map((miss) => miss.value);

describe("near misses from a pattern's structure (regexp-tree)", () => {
  it('breaks each literal, the class and the quantifier of ^https://[^/?#]+, and every one fails the pattern', () => {
    const misses = values('^https://[^/?#]+');
    expect(misses).toEqual(
      expect.arrayContaining([
        'xhttps://a',
        'Https://a',
        'http://a',
        'https:/a',
        'https://',
        'https:///',
        'https://?',
        'https://#',
      ]),
    );
    for (const miss of misses) expect(new RegExp('^https://[^/?#]+', 'u').test(miss)).toBe(false);
  });

  it('goes one repetition under and over a bounded quantifier, and just outside each end of a range (candidates: the schema keeps those that break it, not "xaa")', () => {
    expect(values('^[a-z]{2,3}$')).toEqual(['xaa', 'a', 'aaaa', '`a', '{a', 'aax']);
  });

  it('follows groups and alternatives by their first branch, and names each miss by the rule it breaks', () => {
    expect(patternMisses('^(ab|cd)+\\d?$').map((miss) => miss.title)).toEqual([
      '"xab": text before the start (^) in ^(ab|cd)+\\d?$',
      '"": (ab|cd)+ 0 time(s) in ^(ab|cd)+\\d?$',
      '"ab00": \\d? 2 time(s) in ^(ab|cd)+\\d?$',
      '"abx": text after the end ($) in ^(ab|cd)+\\d?$',
    ]);
  });

  it('gives nothing for a pattern it cannot parse or follow, rather than failing', () => {
    expect(patternMisses('(')).toEqual([]);
    expect(patternMisses('^(a)\\1$')).toEqual([]);
  });
});
