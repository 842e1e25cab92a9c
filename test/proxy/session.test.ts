// The session on its own, fed what the forwarder records: memory stays bounded on a long run, and
// the report says what the bound left out.
import type { Forwarded } from '../../src/traffic/forwarded';
import { createSession } from '../../src/traffic/session';
import { loadSpec } from '../../src/spec/load';
import { SPEC_PATH } from '../support/spec-copies';

// Generous: a loaded CI machine shares its 2 cores with every server these tests start.
jest.setTimeout(30_000);

const body = (value: unknown) => ({ bytes: Buffer.from(JSON.stringify(value)), cut: false });

/** A valid create answered 201 with the same id every time: what unique_ids exists to catch. */
function forwarded(n: number): Forwarded {
  const sent = { url: `https://hooks.example.com/${n}`, eventNames: ['CUSTOMER_CREATION'] };
  const now = new Date().toISOString();
  return {
    method: 'POST',
    url: 'http://upstream.test/webhooks',
    headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
    body: body(sent),
    sentAt: Date.now(),
    ms: 1,
    answer: {
      status: 201,
      headers: { 'content-type': 'application/json' },
      body: body({ id: 'same-id', ...sent, createdAt: now, updatedAt: now }),
    },
  };
}

it('run-wide checks see the first answers up to the limit; the rest are judged one by one, and the report says so', async () => {
  const spec = await loadSpec(SPEC_PATH);
  const session = createSession({
    spec,
    specPath: SPEC_PATH,
    upstream: 'http://upstream.test/',
    clockSkewMs: 300_000,
    log: () => undefined,
    runWideLimit: 2,
  });
  for (let n = 1; n <= 3; n++) session.record(forwarded(n), '/webhooks');
  const [requests, answers] = session.reports();
  expect(requests.failures).toEqual([]);
  expect(answers.failures.map((failure) => `${failure.check} ${failure.caseId}`)).toEqual(['unique_ids traffic/2']);
  expect(answers.answered).toBe(3);
  expect(answers.checks.find((check) => check.name === 'response_schema_conformance')?.judged).toBe(3);
  expect(answers.notes).toEqual([
    '1 answer(s) after the first 2 judged one by one only, not by run-wide checks (unique_ids)',
  ]);
});
