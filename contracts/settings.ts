import { VERIFY_DEFAULTS } from '../src/report/run-result';
import { DEFAULT_SPEC } from '../src/platform/version';
import type { VerifySettings } from '../src/report/run-result';

/** The bearer token sent as the valid one when --token is not given. */
export const DEFAULT_TOKEN = 'kaiten-webhooks-verify';

/** A seed for this run, printed in the report so that it can be replayed with --seed. */
export function freshSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}

/**
 * Settings for the Jest suite from the environment: `verify` passes them whole in
 * KAITEN_VERIFY_SETTINGS; a person running plain `jest` may set KAITEN_BASE_URL, KAITEN_TOKEN,
 * KAITEN_FORBIDDEN_TOKEN, KAITEN_SEED and KAITEN_SPEC. Without a base URL the suite starts the mock.
 */
export function settingsFromEnvironment(env: NodeJS.ProcessEnv): Partial<VerifySettings> {
  if (env.KAITEN_VERIFY_SETTINGS !== undefined) return JSON.parse(env.KAITEN_VERIFY_SETTINGS) as VerifySettings;
  const settings: Partial<VerifySettings> = {};
  if (env.KAITEN_BASE_URL) settings.baseUrl = env.KAITEN_BASE_URL;
  if (env.KAITEN_TOKEN) settings.token = env.KAITEN_TOKEN;
  if (env.KAITEN_FORBIDDEN_TOKEN) settings.forbiddenToken = env.KAITEN_FORBIDDEN_TOKEN;
  if (env.KAITEN_SEED) settings.seed = Number(env.KAITEN_SEED);
  if (env.KAITEN_SPEC) settings.specPath = env.KAITEN_SPEC;
  return settings;
}

/** Fills in what the caller left out. */
export function completeSettings(partial: Partial<VerifySettings> & { baseUrl: string }): VerifySettings {
  return { specPath: DEFAULT_SPEC, seed: freshSeed(), ...VERIFY_DEFAULTS, ...partial };
}
