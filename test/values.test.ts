// The runtime values the package exports are derived from the spec, never copied by hand.
import { readFileSync } from 'node:fs';
import { EVENT_NAMES, EXAMPLES } from '../src/index';
import { loadSpec } from '../src/spec/load';
import { renderValues, VALUES_FILE } from '../scripts/spec-values';
import { at, copySpec, SPEC_PATH } from './support/spec-copies';

it('src/generated/values.ts is what the spec gives (else: npm run gen:values)', async () => {
  expect(renderValues((await loadSpec(SPEC_PATH)).document)).toBe(readFileSync(VALUES_FILE, 'utf8'));
});

it('tells a spec with another event apart from the committed values', async () => {
  const changed = await copySpec();
  (at(changed, 'components', 'schemas', 'EventName').enum as string[]).push('WEBHOOK_ARCHIVED');
  expect(renderValues((await loadSpec(changed)).document)).not.toBe(readFileSync(VALUES_FILE, 'utf8'));
});

it("EVENT_NAMES is the spec's catalogue in order, and EXAMPLES every named example by operation and status", async () => {
  const { document } = await loadSpec(SPEC_PATH);
  expect(EVENT_NAMES).toEqual(at(document, 'components', 'schemas', 'EventName').enum);
  expect(EVENT_NAMES).toHaveLength(27);
  const operation = EXAMPLES['create-webhook'];
  expect(Object.keys(operation.request)).toEqual(['single-event', 'many-events']);
  expect(
    Object.fromEntries(Object.entries(operation.responses).map(([status, named]) => [status, Object.keys(named)])),
  ).toEqual({
    '201': ['single-event', 'many-events'],
    '400': ['malformed-json', 'missing-body'],
    '401': ['missing-token'],
    '403': ['missing-scope'],
    '422': ['missing-url', 'invalid-url', 'insecure-url', 'empty-event-names', 'unknown-event-name'],
    '500': ['internal-error'],
  });
  expect(operation.responses['422']['insecure-url']).toMatchObject({ status: 422 });
});
