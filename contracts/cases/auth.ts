import type { Case, CredentialForm } from '../../src/checks/case';
import type { Scheme } from '../../src/spec/scheme';

type AuthCase = Pick<Case, 'expectation' | 'credentials' | 'form' | 'aspect'> & { title: string };

/** The word an `Authorization` header starts with for a scheme: `Bearer` for bearer, OAuth 2 and OpenID Connect. */
export function schemeWord(scheme: Scheme): string {
  const name = scheme.type === 'http' && scheme.scheme !== undefined ? scheme.scheme : 'bearer';
  return name.charAt(0).toUpperCase() + name.slice(1);
}

const refused = (title: string, form: CredentialForm): AuthCase => ({
  title,
  expectation: 'unauthenticated',
  credentials: 'valid',
  form,
});
const accepted = (title: string, form: CredentialForm): AuthCase => ({
  title,
  expectation: 'accept',
  credentials: 'valid',
  form,
  aspect: 'auth-form',
});

/**
 * The forms of the valid credentials that the scheme's RFCs forbid, each of which must get 401,
 * and those they allow, each of which must be accepted. For an `Authorization` scheme (RFC 9110
 * section 11: `credentials = auth-scheme [ 1*SP token68 ]`, the scheme case-insensitive; RFC
 * 6750 section 2.1 for Bearer): the token under another scheme, the scheme alone, an empty
 * token, the token followed by more words, another word before the scheme are no identity; the scheme in lower or upper case and
 * more than one space before the token are the same credentials. An API key has one form to
 * refuse: the key empty.
 */
export function credentialForms(scheme: Scheme): AuthCase[] {
  if (scheme.type === 'apiKey') return [refused('an empty API key', { noToken: true })];
  const word = schemeWord(scheme);
  const other = word === 'Basic' ? 'Bearer' : 'Basic';
  return [
    refused(`the valid token under another scheme (${other})`, { scheme: other }),
    refused(`the ${word} scheme without a token`, { noToken: true, gap: '' }),
    refused(`an empty ${word} token`, { noToken: true }),
    refused('the valid token followed by more words', { after: ' and more' }),
    refused(`another word before the ${word} scheme`, { scheme: `Token ${word}` }),
    accepted(`the ${word} scheme in lower case`, { scheme: word.toLowerCase() }),
    accepted(`the ${word} scheme in upper case`, { scheme: word.toUpperCase() }),
    accepted('two spaces between the scheme and the token', { gap: '  ' }),
  ];
}
