// The 201: what the frontend sent, plus a fresh id and the time it was created.
import { loadSpec } from '../../src/spec/load';
import { type SpecDocument } from '../../src/spec/document';
import { offSpec } from '../support/conformance';
import { clientFor, JSON_HEADERS, send, VALID_BODY } from '../support/http';
import { useMock } from '../support/mock';
import { SPEC_PATH } from '../support/spec-copies';

let document: SpecDocument;
beforeAll(async () => {
  document = (await loadSpec(SPEC_PATH)).document;
});

describe('a valid request', () => {
  const mock = useMock();

  it('gets a 201 that echoes url and eventNames, a fresh UUID and createdAt = updatedAt = now', async () => {
    const body = { url: 'https://ops.example.org:8443/in?x=1', eventNames: ['LICENSE_UPDATE', 'CUSTOMER_CREATION'] };
    const before = Date.now();
    const reply = await clientFor(mock().url)({ body });
    expect(reply.status).toBe(201);
    expect(reply.headers['content-type']).toBe('application/json');
    const webhook = reply.body as Record<string, string>;
    expect(webhook).toMatchObject(body);
    expect(webhook.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(webhook.createdAt).toBe(webhook.updatedAt);
    expect(Date.parse(webhook.createdAt!)).toBeGreaterThanOrEqual(before - 1);
    expect(Date.parse(webhook.createdAt!)).toBeLessThanOrEqual(Date.now() + 1);
    expect(offSpec(document, 'POST', '/webhooks', reply)).toEqual([]);
  });

  it('gets a new id every time', async () => {
    const replies = await Promise.all(Array.from({ length: 20 }, () => clientFor(mock().url)({ body: VALID_BODY })));
    expect(new Set(replies.map((reply) => (reply.body as { id: string }).id)).size).toBe(20);
  });

  it('Prefer: dynamic=true still answers 201 with generated data that validates', async () => {
    for (let i = 0; i < 15; i++) {
      const reply = await send(mock().url, { headers: { ...JSON_HEADERS, prefer: 'dynamic=true' }, body: VALID_BODY });
      expect(reply.status).toBe(201);
      expect(offSpec(document, 'POST', '/webhooks', reply)).toEqual([]);
    }
  });
});

describe('--seed', () => {
  const first = useMock({ seed: 42 });
  const second = useMock({ seed: 42 });
  const other = useMock({ seed: 7 });
  const requests = [VALID_BODY, { url: 'https://b.example.com', eventNames: ['RELEASE_CREATION'] }, VALID_BODY];
  const run = async (url: string) => {
    const bodies = [];
    for (const body of requests) bodies.push((await send(url, { body })).body);
    bodies.push((await send(url, { headers: { ...JSON_HEADERS, prefer: 'dynamic=true' }, body: VALID_BODY })).body);
    return bodies;
  };

  it('gives the same bodies, generated ones included, for the same seed and requests', async () => {
    const [a, b, c] = [await run(first().url), await run(second().url), await run(other().url)];
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    const ids = a.slice(0, 3).map((body) => (body as { id: string }).id);
    expect(new Set(ids).size).toBe(3);
  });
});
