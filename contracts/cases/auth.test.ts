import type { Case } from '../../src/checks/case';
import type { Scheme } from '../../src/spec/scheme';
import { requestFor, type Target } from '../send';
import { credentialForms } from './auth';

const target: Target = { baseUrl: 'http://127.0.0.1:9', token: 'tok', unknownToken: 'unknown-1', timeoutMs: 100 };
const operation = {
  id: 'op',
  method: 'post',
  path: '/x',
  definition: { responses: {} },
} as unknown as Case['operation'];

/** The credentials each form of a scheme sends, by title, with what it should get. */
function sent(scheme: Scheme): string[] {
  return credentialForms(scheme).map(({ title, ...form }) => {
    const { headers, url } = requestFor({ id: 'x', title, operation, scheme, ...form }, target);
    const written = headers.authorization ?? headers['x-api-key'] ?? url;
    return `${form.expectation} ${JSON.stringify(written)}`;
  });
}

describe('credential forms (RFC 9110 section 11, RFC 6750 section 2.1)', () => {
  it('for bearer: the valid token under another scheme, alone, empty or followed by words is refused; the scheme in any case and more spaces are accepted', () => {
    expect(sent({ type: 'http', scheme: 'bearer' })).toEqual([
      'unauthenticated "Basic tok"',
      'unauthenticated "Bearer"',
      'unauthenticated "Bearer "',
      'unauthenticated "Bearer tok and more"',
      'unauthenticated "Token Bearer tok"',
      'accept "bearer tok"',
      'accept "BEARER tok"',
      'accept "Bearer  tok"',
    ]);
  });

  it('for basic: its own scheme word, the credentials encoded, and Bearer as the other scheme', () => {
    const encoded = Buffer.from('verify:tok').toString('base64');
    expect(sent({ type: 'http', scheme: 'basic' })).toEqual([
      `unauthenticated "Bearer ${encoded}"`,
      'unauthenticated "Basic"',
      'unauthenticated "Basic "',
      `unauthenticated "Basic ${encoded} and more"`,
      `unauthenticated "Token Basic ${encoded}"`,
      `accept "basic ${encoded}"`,
      `accept "BASIC ${encoded}"`,
      `accept "Basic  ${encoded}"`,
    ]);
  });

  it('for an API key: only an empty key, in the place the scheme names', () => {
    expect(sent({ type: 'apiKey', in: 'header', name: 'X-API-Key' })).toEqual(['unauthenticated ""']);
    expect(sent({ type: 'apiKey', in: 'query', name: 'key' })).toEqual(['unauthenticated "http://127.0.0.1:9/x?key="']);
  });
});
