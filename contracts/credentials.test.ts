import { credentialsFrom } from './credentials';

describe('credentialsFrom', () => {
  it('reads KAITEN_TOKEN and KAITEN_FORBIDDEN_TOKEN and names them, never their values', () => {
    const credentials = credentialsFrom({}, { KAITEN_TOKEN: 's3cret', KAITEN_FORBIDDEN_TOKEN: 'r0' });
    expect(credentials).toMatchObject({ token: 's3cret', forbiddenToken: 'r0' });
    expect(credentials.note).toBe(
      'credentials: token from $KAITEN_TOKEN, forbidden token from $KAITEN_FORBIDDEN_TOKEN',
    );
  });

  it('lets a flag win over the variable', () => {
    const credentials = credentialsFrom(
      { token: 'flag', forbiddenToken: 'ro-flag' },
      { KAITEN_TOKEN: 'env', KAITEN_FORBIDDEN_TOKEN: 'ro-env' },
    );
    expect(credentials).toMatchObject({ token: 'flag', forbiddenToken: 'ro-flag' });
    expect(credentials.note).toBe('credentials: token from --token, forbidden token from --forbidden-token');
    expect(credentials.note).not.toMatch(/flag|env/);
  });

  it('says when the default token is sent and 403 goes unexercised; an empty variable is unset', () => {
    const credentials = credentialsFrom({}, { KAITEN_TOKEN: '' });
    expect(credentials.token).toBeUndefined();
    expect(credentials.note).toBe(
      'credentials: token: the default "kaiten-webhooks-verify" (no --token, no $KAITEN_TOKEN), no forbidden token (403 is not exercised)',
    );
  });
});
