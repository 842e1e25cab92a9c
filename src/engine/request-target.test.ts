import fc from 'fast-check';
import { queryOf } from './request';
import { parseRequestTarget } from './request-target';

/** What the edge read before it had a fast path: everything through `new URL`. */
function throughUrl(url: string) {
  try {
    const parsed = new URL(url, 'http://mock.invalid');
    return { path: parsed.pathname, query: queryOf(parsed) };
  } catch {
    return undefined;
  }
}

describe('parseRequestTarget', () => {
  it.each([
    '/webhooks',
    '/',
    '/webhooks/',
    '/a//b',
    '//host/x',
    '/a/../b',
    '/a/./b',
    '/a.b',
    '/a b',
    '/a%20b',
    '/wébhooks',
    '/a{b}',
    '/a|b',
    '/a\\b',
    '/x?y=1&y=2&z',
    '/x?%zz',
    '*',
    'http://other.example/p?q=1',
  ])('reads %j as new URL does', (url) => expect(parseRequestTarget(url)).toEqual(throughUrl(url)));

  it('reads any path of path characters as new URL does', () => {
    const pathChar = fc.constantFrom(..."abZ09_-~!$&'()*+,;=:@/.%?#[] é\\".split(''));
    fc.assert(
      fc.property(
        fc.array(pathChar, { maxLength: 12 }).map((chars) => `/${chars.join('')}`),
        (url) => expect(parseRequestTarget(url)).toEqual(throughUrl(url)),
      ),
      { numRuns: 2000, seed: 13 },
    );
  });
});
