import * as browser from './hash.browser';
import * as node from './hash';

// The browser build swaps hash.ts for hash.browser.ts: seeded ids must not change with it.
describe('the browser twin of the hash module', () => {
  test.each(['', 'seed:1', 'kaiten:rate:42', 'ünïcødé ✓', 'x'.repeat(1000)])(
    'SHA-256 of %j is the same as node:crypto',
    (text) => {
      expect(Buffer.from(browser.sha256(text)).toString('hex')).toBe(Buffer.from(node.sha256(text)).toString('hex'));
    },
  );

  test('random ids are version 4 UUIDs from both', () => {
    for (const id of [browser.randomId(), node.randomId()])
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
