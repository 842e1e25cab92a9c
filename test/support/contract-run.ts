import { runContract } from '../../contracts/run';
import { type RunResult, type VerifySettings } from '../../src/report/run-result';
import { completeSettings } from '../../contracts/settings';
import { SPEC_PATH } from './spec-copies';

/** The tokens the fixture servers are started with: valid with the scope, and without it. */
export const TOKEN = 'good-token';
export const FORBIDDEN = 'read-only-token';

/**
 * The Jest suite's run (in process) against a server started for it, which it closes after:
 * the packaged spec, both tokens, a 2 s timeout unless `also` says otherwise.
 */
export async function contractAgainst(
  server: { url: string; close: () => Promise<void> },
  also: Partial<VerifySettings> = {},
): Promise<RunResult> {
  try {
    return await runContract(
      completeSettings({
        specPath: SPEC_PATH,
        baseUrl: server.url,
        token: TOKEN,
        forbiddenToken: FORBIDDEN,
        seed: 7,
        timeoutMs: 2000,
        ...also,
      }),
    );
  } finally {
    await server.close();
  }
}

/** A run's failures and errors, one line each, as the tests compare them. */
export const summary = (result: RunResult): string[] => [
  ...result.failures.map((f) => `${f.check}: ${f.exchange.case.title}: ${f.message}`),
  ...result.errors.map((e) => `${e.kind}: ${e.case.title}`),
];
