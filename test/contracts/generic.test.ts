// The same contract code on a second spec (notes: another path, a path parameter, an API key in
// a header): it builds cases from that spec and runs them, with nothing about webhooks involved.
import { join } from 'node:path';
import { runContract } from '../../contracts/run';
import { completeSettings } from '../../contracts/settings';
import { startMock } from '../../src/mock/start';

const NOTES = join(__dirname, '..', 'fixtures', 'notes.yaml');

it('builds and runs cases for every operation of another spec, and the mock of that spec passes', async () => {
  const mock = await startMock({ spec: NOTES, port: 0, logLevel: 'silent', watch: false, tokens: ['any-key'] });
  try {
    const result = await runContract(completeSettings({ specPath: NOTES, baseUrl: mock.url, token: 'any-key', seed: 1 }));
    const titles = result.cases.map((c) => `${c.operation.id} ${c.expectation} ${c.title}`);
    expect(titles).toEqual(
      expect.arrayContaining([
        'create-note accept text exactly 280 characters (the maximum)',
        'create-note invalid text is missing',
        'create-note invalid text 281 characters (one over the maximum)',
        'create-note invalid pinned is not a boolean',
        'create-note invalid an unexpected property',
        'create-note unauthenticated no credentials',
        'get-note accept a request with no body',
        // The deeper classes that apply to this spec: no format, pattern or enum, so no near misses.
        'create-note unauthenticated no credentials and malformed JSON',
        'create-note invalid text is not a string, and pinned is not a boolean',
        'create-note accept text exactly 1 character (the minimum)',
        'create-note accept JSON with \\u escapes',
      ]),
    );
    expect(result.exchanges.find((e) => e.case.title === 'text is missing')?.request.headers['x-api-key']).toBe('any-key');
    expect(result.failures.map((f) => `${f.check}: ${f.exchange.case.title}: ${f.message}`)).toEqual([]);
    expect(new Set(result.cases.map((c) => c.aspect))).toEqual(new Set([undefined, 'order', 'several', 'boundary', 'form']));
    expect(result.errors).toEqual([]);
  } finally {
    await mock.close();
  }
});
