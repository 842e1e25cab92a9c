// Latency on demand, for loading states: a global --delay and a per-request Prefer: delay= / __delay=.
import { JSON_HEADERS, send, VALID_BODY } from '../support/http';
import { useMock } from '../support/mock';

describe('per request', () => {
  const mock = useMock();

  it('Prefer: delay=300 holds the answer at least 300 ms; __delay does the same', async () => {
    const viaHeader = await send(mock().url, { headers: { ...JSON_HEADERS, prefer: 'delay=300' }, body: VALID_BODY });
    const viaQuery = await send(mock().url, { path: '/webhooks?__delay=300', body: VALID_BODY });
    for (const reply of [viaHeader, viaQuery]) {
      expect(reply.status).toBe(201);
      expect(reply.ms).toBeGreaterThanOrEqual(295);
    }
  });

  it('delays error answers too, so error states can be seen loading', async () => {
    const reply = await send(mock().url, {
      path: '/webhooks?__delay=200',
      body: { url: 'http://insecure.example.com' },
    });
    expect(reply.status).toBe(422);
    expect(reply.ms).toBeGreaterThanOrEqual(195);
  });
});

describe('--delay', () => {
  const mock = useMock({ delay: 250 });

  it('holds every answer, and a longer per-request delay wins', async () => {
    expect((await send(mock().url, { body: VALID_BODY })).ms).toBeGreaterThanOrEqual(245);
    expect((await send(mock().url, { path: '/webhooks?__delay=400', body: VALID_BODY })).ms).toBeGreaterThanOrEqual(
      395,
    );
  });
});
