import { DEFAULT_TOKEN } from './settings';

/** The tokens verify sends, and where each came from: reports name the source, never the value. */
export interface RunCredentials {
  token?: string;
  forbiddenToken?: string;
  /** One line for the report: `token from $KAITEN_TOKEN, forbidden token from --forbidden-token`. */
  note: string;
}

/** The environment variables verify reads, beside the flags that win over them. */
export const TOKEN_VARIABLES = { token: 'KAITEN_TOKEN', forbiddenToken: 'KAITEN_FORBIDDEN_TOKEN' } as const;

const FLAGS = { token: '--token', forbiddenToken: '--forbidden-token' } as const;

/**
 * A flag (or the `verify()` option) wins over the variable, so CI can keep secrets out of the
 * command line, where process lists and logs show them. An empty variable counts as unset.
 */
export function credentialsFrom(
  given: { token?: string; forbiddenToken?: string },
  env: NodeJS.ProcessEnv,
): RunCredentials {
  const credentials: RunCredentials = { note: '' };
  const sources: string[] = [];
  for (const key of ['token', 'forbiddenToken'] as const) {
    const fromEnv = env[TOKEN_VARIABLES[key]];
    const value = given[key] ?? (fromEnv === '' ? undefined : fromEnv);
    const what = key === 'token' ? 'token' : 'forbidden token';
    if (value !== undefined) credentials[key] = value;
    if (given[key] !== undefined) sources.push(`${what} from ${FLAGS[key]}`);
    else if (value !== undefined) sources.push(`${what} from $${TOKEN_VARIABLES[key]}`);
    else
      sources.push(
        key === 'token'
          ? `token: the default "${DEFAULT_TOKEN}" (no --token, no $KAITEN_TOKEN)`
          : 'no forbidden token (403 is not exercised)',
      );
  }
  credentials.note = `credentials: ${sources.join(', ')}`;
  return credentials;
}
