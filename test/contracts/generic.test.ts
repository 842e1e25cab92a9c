// The same contract code on a second spec (notes: another path, a path parameter, an API key in
// a header): it builds cases from that spec and runs them, with nothing about webhooks involved.
import { join } from 'node:path';
import { runContract } from '../../contracts/run';
import { completeSettings } from '../../contracts/settings';
import { startMock } from '../../src/mock/start';
import { at, specWithGetOperation, writeSpecs } from '../support/spec-copies';

const NOTES = join(__dirname, '..', 'fixtures', 'notes.yaml');

it('builds and runs cases for every operation of another spec, and the mock of that spec passes', async () => {
  const mock = await startMock({ spec: NOTES, port: 0, logLevel: 'silent', watch: false, tokens: ['any-key'] });
  try {
    const result = await runContract(
      completeSettings({ specPath: NOTES, baseUrl: mock.url, token: 'any-key', seed: 1 }),
    );
    const titles = result.cases.map((c) => `${c.operation.id} ${c.expectation} ${c.title}`);
    expect(titles).toEqual(
      expect.arrayContaining([
        'create-note accept text exactly 280 characters (the maximum)',
        'create-note invalid text is missing',
        'create-note invalid text 281 characters (one over the maximum)',
        'create-note invalid pinned is the string "true"',
        'create-note invalid pinned is null',
        'create-note invalid an unexpected property',
        'create-note unauthenticated no credentials',
        'get-note accept a request with no body',
        // The deeper classes that apply to this spec: no format, pattern or enum, so no near misses.
        'create-note unauthenticated no credentials and malformed JSON',
        'create-note invalid text is a number, and pinned is the string "true"',
        'create-note accept text exactly 1 character (the minimum)',
        'create-note accept JSON with \\u escapes',
        'create-note malformed no body and no Content-Type',
        'create-note unauthenticated an empty API key',
      ]),
    );
    expect(result.exchanges.find((e) => e.case.title === 'text is missing')?.request.headers['x-api-key']).toBe(
      'any-key',
    );
    expect(result.failures.map((f) => `${f.check}: ${f.exchange.case.title}: ${f.message}`)).toEqual([]);
    expect(new Set(result.cases.map((c) => c.aspect))).toEqual(
      new Set([undefined, 'order', 'several', 'boundary', 'form', 'framing']),
    );
    expect(result.errors).toEqual([]);
  } finally {
    await mock.close();
  }
});

it('sends required query and header parameters (path-level ones too), so a correct server of such a spec passes', async () => {
  const document = await specWithGetOperation();
  at(document, 'paths', '/webhooks/{id}').parameters = [
    {
      name: 'X-Tenant',
      in: 'header',
      required: true,
      description: 'The tenant.',
      schema: { type: 'string', enum: ['acme'] },
    },
  ];
  (at(document, 'paths', '/webhooks/{id}', 'get').parameters as unknown[]).push({
    name: 'expand',
    in: 'query',
    required: true,
    description: 'What to expand.',
    schema: { type: 'string' },
    examples: { events: { value: 'events' } },
  });
  const spec = writeSpecs({ params: document }).params!;
  const mock = await startMock({ spec, port: 0, logLevel: 'silent', watch: false, tokens: ['good'] });
  try {
    const result = await runContract(completeSettings({ specPath: spec, baseUrl: mock.url, token: 'good', seed: 1 }));
    const get = result.exchanges.find((e) => e.case.operation.id === 'get-webhook' && e.case.expectation === 'accept')!;
    expect(get.request.url).toMatch(/\/webhooks\/0b4ac7a4-3f2e-4c43-9d55-4f7a1c0e6b21\?expand=events$/);
    expect(get.request.headers['x-tenant']).toBe('acme');
    expect(get.response.status).toBe(200);
    expect(result.failures.map((f) => `${f.check}: ${f.exchange.case.title}: ${f.message}`)).toEqual([]);
  } finally {
    await mock.close();
  }
});
