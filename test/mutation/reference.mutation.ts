// The test Stryker runs against each mutant of the reference implementation (npm run mutation):
// the contract suite must find the mutant, as it would find a defect in a real server. Not part
// of `npm test` (its name matches no test pattern there): one run per mutant is minutes.
import { runContract } from '../../contracts/run';
import { completeSettings } from '../../contracts/settings';
import { SPEC_PATH } from '../support/spec-copies';
import { startHonoServer } from '../fixtures/servers/frameworks/hono-server';

const TOKEN = 'good-token';
const FORBIDDEN = 'read-only-token';

it('the reference implementation conforms (a mutant that still conforms survives)', async () => {
  const server = await startHonoServer({ spec: SPEC_PATH, tokens: [TOKEN], forbiddenTokens: [FORBIDDEN] });
  try {
    const result = await runContract(
      completeSettings({
        specPath: SPEC_PATH,
        baseUrl: server.url,
        token: TOKEN,
        forbiddenToken: FORBIDDEN,
        seed: 1,
        timeoutMs: 2000,
      }),
    );
    expect([
      ...result.failures.map((f) => `${f.check}: ${f.exchange.case.title}: ${f.message}`),
      ...result.errors.map((e) => `${e.kind}: ${e.case.title}`),
    ]).toEqual([]);
  } finally {
    await server.close();
  }
});
