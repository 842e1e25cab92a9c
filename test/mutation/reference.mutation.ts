// The test Stryker runs against each mutant of the reference implementation (npm run mutation):
// the contract suite must find the mutant, as it would find a defect in a real server. Not part
// of `npm test` (its name matches no test pattern there): one run per mutant is minutes.
import { contractAgainst, FORBIDDEN, summary, TOKEN } from '../support/contract-run';
import { SPEC_PATH } from '../support/spec-copies';
import { startHonoServer } from '../fixtures/servers/frameworks/hono-server';

it('the reference implementation conforms (a mutant that still conforms survives)', async () => {
  const server = await startHonoServer({ spec: SPEC_PATH, tokens: [TOKEN], forbiddenTokens: [FORBIDDEN] });
  expect(summary(await contractAgainst(server, { seed: 1 }))).toEqual([]);
});
