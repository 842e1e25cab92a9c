import { completeSettings, settingsFromEnvironment } from './settings';
import { VERIFY_DEFAULTS } from '../src/report/run-result';

describe('settingsFromEnvironment', () => {
  it('reads what a person sets for plain jest', () => {
    expect(
      settingsFromEnvironment({
        KAITEN_BASE_URL: 'http://h/api',
        KAITEN_TOKEN: 't',
        KAITEN_FORBIDDEN_TOKEN: 'f',
        KAITEN_SEED: '9',
        KAITEN_SPEC: 's.yaml',
      }),
    ).toEqual({
      baseUrl: 'http://h/api',
      token: 't',
      forbiddenToken: 'f',
      seed: 9,
      specPath: 's.yaml',
    });
    expect(settingsFromEnvironment({})).toEqual({});
  });

  it("takes verify's settings whole when given", () => {
    const settings = completeSettings({ baseUrl: 'http://x', seed: 1 });
    expect(
      settingsFromEnvironment({ KAITEN_VERIFY_SETTINGS: JSON.stringify(settings), KAITEN_BASE_URL: 'http://ignored' }),
    ).toEqual(settings);
    expect(settings).toMatchObject({ ...VERIFY_DEFAULTS, seed: 1 });
  });
});
