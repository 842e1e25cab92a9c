import { DEFAULT_SPEC } from '../src/version';
import type { VerifySettings } from './run';

/** The bearer token sent as the valid one when --token is not given. */
export const DEFAULT_TOKEN = 'kaiten-webhooks-verify';

export const DEFAULTS = {
  timeoutMs: 5000,
  randomBodies: 10,
  concurrency: 4,
  overallMs: 120_000,
  clockSkewMs: 300_000,
} as const;

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
  return { specPath: DEFAULT_SPEC, seed: freshSeed(), ...DEFAULTS, ...partial };
}
