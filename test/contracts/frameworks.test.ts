// The contract suites against servers written the way users of popular frameworks write them:
// the finished versions pass with several seeds; the out-of-the-box versions fail, and each of
// their default deviations is caught by the check named here.
import type { RunResult } from '../../src/report/run-result';
import { contractAgainst, FORBIDDEN, summary, TOKEN } from '../support/contract-run';
import { runBuiltCli } from '../support/cli';
import { SPEC_PATH } from '../support/spec-copies';
import {
  startExpressServer,
  type FrameworkOptions,
  type RunningServer,
} from '../fixtures/servers/frameworks/express-server';
import { startFastifyServer } from '../fixtures/servers/frameworks/fastify-server';
import { startHonoServer } from '../fixtures/servers/frameworks/hono-server';

type Start = (o: FrameworkOptions) => Promise<RunningServer>;
const FRAMEWORKS: [name: string, start: Start][] = [
  ['Express 5 + express-openapi-validator 5.6', startExpressServer],
  ['Fastify 5 with its Ajv', startFastifyServer],
  ['Hono 4 + @hono/zod-openapi 1.6', startHonoServer],
];

async function verify(start: Start, outOfTheBox: boolean, seed: number): Promise<RunResult> {
  return contractAgainst(await start({ spec: SPEC_PATH, tokens: [TOKEN], forbiddenTokens: [FORBIDDEN], outOfTheBox }), {
    seed,
  });
}

describe.each(FRAMEWORKS)('%s', (_name, start) => {
  it.each([1, 2, 3, 4, 5])('written to the contract, passes every check (seed %i)', async (seed) => {
    expect(summary(await verify(start, false, seed))).toEqual([]);
  });

  // The Dredd hooks load outside Jest's module sandbox: the built CLI runs them.
  it('written to the contract, passes both suites of the built CLI (exit 0)', async () => {
    const server = await start({ spec: SPEC_PATH, tokens: [TOKEN], forbiddenTokens: [FORBIDDEN] });
    try {
      const run = await runBuiltCli([
        'verify',
        '--base-url',
        server.url,
        '--spec',
        SPEC_PATH,
        '--token',
        TOKEN,
        '--forbidden-token',
        FORBIDDEN,
        '--seed',
        '6',
      ]);
      expect([run.code, run.stdout.trim().split('\n').at(-1)]).toEqual([0, expect.stringMatching(/^verify: PASSED/)]);
    } finally {
      await server.close();
    }
  }, 60_000);
});

/** Per framework, the default deviations and the check that must catch each (a words from the case or message). */
const CAUGHT: Record<string, [check: string, where: RegExp][]> = {
  'Express 5 + express-openapi-validator 5.6': [
    ['expected_status', /^expected_status: url is missing: answered 400$/],
    [
      'content_type_conformance',
      /^content_type_conformance: url is missing: Content-Type is "application\/json; charset=utf-8"$/,
    ],
    ['near_miss_rejection', /^near_miss_rejection: url with a non-ASCII letter: answered 201$/],
    [
      'all_violations_reported',
      /^all_violations_reported: url is missing, and eventNames has a duplicate, and an unexpected property: answered 400$/,
    ],
    ['auth_forms_accepted', /^auth_forms_accepted: two spaces between the scheme and the token: answered 401$/],
    ['ignored_auth', /^ignored_auth: the valid token followed by more words: the request was served with 201$/],
    ['request_framing', /^request_framing: no body with Content-Type: text\/plain: answered 415$/],
    ['check_order', /^check_order: no credentials and malformed JSON: answered 400$/],
    ['expected_status', /^expected_status: body is null: answered 400$/],
  ],
  'Fastify 5 with its Ajv': [
    [
      'negative_data_rejection',
      /^negative_data_rejection: eventNames is a single item instead of an array: invalid data was accepted with 201$/,
    ],
    [
      'negative_data_rejection',
      /^negative_data_rejection: url is a one-element array: invalid data was accepted with 201$/,
    ],
    [
      'negative_data_rejection',
      /^negative_data_rejection: an unexpected property: invalid data was accepted with 201$/,
    ],
    ['expected_status', /^expected_status: an unexpected property named __proto__: answered 400$/],
    ['expected_status', /^expected_status: url is missing: answered 400$/],
    [
      'content_type_conformance',
      /^content_type_conformance: url is missing: Content-Type is "application\/json; charset=utf-8"$/,
    ],
    ['ignored_auth', /^ignored_auth: the valid token under another scheme \(Basic\): the request was served with 201$/],
    ['check_order', /^check_order: no credentials and an invalid body \(url is missing\): answered 400$/],
  ],
  'Hono 4 + @hono/zod-openapi 1.6': [
    ['request_framing', /^request_framing: no body and no Content-Type: answered 201$/],
    [
      'negative_data_rejection',
      /^negative_data_rejection: an unexpected property: invalid data was accepted with 201$/,
    ],
    [
      'negative_data_rejection',
      /^negative_data_rejection: url does not match \^https:\/\/\[\^\/\?#\]\+: invalid data was accepted with 201$/,
    ],
    [
      'negative_data_rejection',
      /^negative_data_rejection: eventNames has a duplicate: invalid data was accepted with 201$/,
    ],
    ['boundaries', /^boundaries: url 2049 characters \(one over the maximum\): answered 201$/],
    [
      'response_reflects_request',
      /^response_reflects_request: url with a leading space: url came back as "https:\/\/hooks\.example\.com\/kaiten\/customers"$/,
    ],
    ['expected_status', /^expected_status: url is missing: answered 400$/],
    ['ignored_auth', /^ignored_auth: the valid token under another scheme \(Basic\): the request was served with 201$/],
  ],
};

describe.each(FRAMEWORKS)('%s out of the box', (name, start) => {
  it('fails, each default deviation caught by the check named for it', async () => {
    const lines = summary(await verify(start, true, 7));
    for (const [check, where] of CAUGHT[name]!)
      expect([check, lines.filter((line) => line.startsWith(`${check}: `) && where.test(line))]).not.toEqual([
        check,
        [],
      ]);
  });
});
