import { readPreferences } from './prefer';
import type { MockRequest } from './request';

const request = (prefer?: string, query: MockRequest['query'] = {}): MockRequest => ({
  method: 'POST',
  path: '/webhooks',
  query,
  headers: prefer === undefined ? {} : { prefer },
  body: Buffer.alloc(0),
});

describe('readPreferences', () => {
  it('reads Prism-style preferences from the Prefer header', () => {
    expect(readPreferences(request('code=422, example=insecure-url'))).toEqual({
      ok: true,
      preferences: { code: 422, example: 'insecure-url' },
    });
    expect(readPreferences(request('dynamic=true; delay=250'))).toEqual({
      ok: true,
      preferences: { dynamic: true, delay: 250 },
    });
    expect(readPreferences(request('Code="403"'))).toEqual({ ok: true, preferences: { code: 403 } });
    expect(readPreferences(request('dynamic'))).toEqual({ ok: true, preferences: { dynamic: true } });
  });

  it('lets the __code, __example, __dynamic and __delay query parameters win over the header', () => {
    const result = readPreferences(
      request('code=201', { __code: '422', __example: 'missing-url', __dynamic: 'FALSE', __delay: '5' }),
    );
    expect(result).toEqual({ ok: true, preferences: { code: 422, example: 'missing-url', dynamic: false, delay: 5 } });
  });

  it('ignores preferences it does not know, as RFC 7240 asks', () => {
    expect(readPreferences(request('return=minimal, respond-async, wait=10, ===, ;;'))).toEqual({
      ok: true,
      preferences: {},
    });
  });

  it.each([
    ['code=abc', 'code=abc is not an HTTP status code (100-599)'],
    ['code=99', 'code=99 is not an HTTP status code'],
    ['code=600', 'code=600 is not an HTTP status code'],
    ['dynamic=maybe', 'dynamic=maybe is neither true nor false'],
    ['delay=-1', 'delay=-1 is not a whole number of milliseconds from 0 to 60000'],
    ['delay=60001', 'delay=60001 is not a whole number'],
    ['example=', 'example= needs the name of a documented example'],
  ])('refuses %s with a 400 that says why', (prefer, message) => {
    const result = readPreferences(request(prefer));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.status).toBe(400);
      expect(result.problem.detail).toContain(message);
    }
  });
});
