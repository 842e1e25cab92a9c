// The contract suites against real implementations: a correct one (and correct ones that make
// other valid choices) must pass; each planted defect must be caught, by the check named here.
import type { RunResult } from '../../src/report/run-result';
import { toReport } from '../../src/report/report';
import { VERIFY_DEFAULTS } from '../../src/report/run-result';
import { contractAgainst, FORBIDDEN, summary, TOKEN } from '../support/contract-run';
import {
  DEFECTS,
  startWebhookServer,
  VARIANTS,
  type Defect,
  type ServerOptions,
} from '../fixtures/servers/webhook-server';

async function verify(
  options: Omit<ServerOptions, 'tokens' | 'forbiddenTokens'>,
  timeoutMs = 2000,
  seed = 7,
): Promise<RunResult> {
  return contractAgainst(await startWebhookServer({ tokens: [TOKEN], forbiddenTokens: [FORBIDDEN], ...options }), {
    timeoutMs,
    seed,
  });
}

describe('a correct implementation', () => {
  it('the reference implementation (SQLite) passes every check', async () => {
    const result = await verify({});
    expect(summary(result)).toEqual([]);
    expect(result.exchanges.length).toBe(result.cases.length);
  });

  // The forms the contract leaves free, each with several seeds: Huma's values, and every optional field left out.
  it.each(
    (['huma-details', 'optional-omitted'] as const).flatMap((variant) =>
      [1, 2, 3, 4, 5].map((seed) => [variant, seed] as const),
    ),
  )('%s passes every check with seed %i', async (variant, seed) => {
    expect(summary(await verify({ variant }, 2000, seed))).toEqual([]);
  });

  // `slow` answers every request after 300 ms: about 20 rounds of 4 requests in flight.
  it.each(VARIANTS)(
    'that makes another valid choice (%s) passes every check',
    async (variant) => {
      expect(summary(await verify({ variant }))).toEqual([]);
    },
    20_000,
  );
});

/** The check that must catch each defect, and a words from the case or message it fails on. */
const CAUGHT_BY: Record<Defect, [check: string, where: RegExp]> = {
  'status-200': ['status_code_conformance', /example "single-event"/],
  'text-content-type': ['content_type_conformance', /Content-Type is "text\/plain"/],
  'success-extra-field': ['response_schema_conformance', /must NOT have additional properties/],
  'problem-missing-detail': ['response_schema_conformance', /must have required property 'detail'/],
  'problem-status-mismatch': ['problem_details_conformance', /problem status is 400/],
  'no-violation-list': ['problem_details_conformance', /"errors" is missing/],
  'allows-http': ['negative_data_rejection', /url does not match/],
  'allows-any-uri': ['negative_data_rejection', /url is not a valid uri/],
  'no-length-limit': ['boundaries', /url 2049 characters \(one over the maximum\): answered 201/],
  'allows-empty-events': ['boundaries', /eventNames with 0 items \(one under the minimum\): answered 201/],
  'allows-duplicate-events': ['negative_data_rejection', /eventNames has a duplicate/],
  'allows-unknown-events': ['negative_data_rejection', /eventNames has a value outside its enum/],
  'allows-extra-properties': ['negative_data_rejection', /an unexpected property/],
  'allows-missing-url': ['negative_data_rejection', /url is missing/],
  'malformed-as-422': ['expected_status', /malformed JSON: answered 422/],
  'no-auth': ['ignored_auth', /no credentials/],
  'no-scope-check': ['ignored_auth', /a token without the required scope/],
  'crash-on-port': ['not_a_server_error', /url with a port: answered 500/],
  'ignores-request': ['response_reflects_request', /url came back as "https:\/\/hooks.example.com\/fixed"/],
  'reused-ids': ['unique_ids', /id "wh_1" was already given/],
  'updated-before-created': ['timestamps_in_order', /updatedAt .* is before createdAt/],
  'hang-on-many-events': ['every_request_answered', /eventNames with 27 items: no answer \(timeout: /],
  'validates-before-auth': ['check_order', /no credentials and an invalid body \(url is missing\): answered 422/],
  'first-violation-only': ['all_violations_reported', /^all_violations_reported: .*: 1 violation\(s\) at /],
  'pointer-locations': ['error_location', /url does not match .*: reported at \/url$/],
  'wrong-offending-value': ['error_location', /eventNames has a duplicate: value is null$/],
  'off-by-one-length': ['boundaries', /url exactly 2048 characters \(the maximum\): answered 422/],
  'trims-input': ['near_miss_rejection', /url with a trailing space: answered 201/],
  'case-insensitive-events': ['near_miss_rejection', /eventNames\[0\] in lower case: answered 201/],
  'exact-content-type': ['request_forms_accepted', /Content-Type with charset=utf-8: answered 415/],
  'requires-accept': ['request_forms_accepted', /no Accept header: answered 406/],
  'epoch-timestamps': ['plausible_values', /createdAt 1970-01-01T00:00:00Z is \d+ s before the request was sent/],
  'blank-ids': ['plausible_values', /id is " "/],
  'any-scheme': ['ignored_auth', /the valid token under another scheme \(Basic\)/],
  'empty-token-400': ['expected_status', /an empty Bearer token: answered 400/],
  'case-sensitive-scheme': ['auth_forms_accepted', /the Bearer scheme in lower case: answered 401/],
  'content-type-first': ['request_framing', /no body and no Content-Type: answered 415/],
  'malformed-without-detail': ['problem_details_conformance', /malformed JSON: "errors" is missing/],
  'coerces-types': ['expected_status', /eventNames is a single item instead of an array: answered 201/],
  'proto-as-malformed': ['expected_status', /an unexpected property named __proto__: answered 400/],
  'stops-after-required': [
    'all_violations_reported',
    /url is missing, and eventNames has a duplicate, and an unexpected property: 1 violation\(s\) at body$/,
  ],
  'loose-https-check': [
    'near_miss_rejection',
    /url "https:\/a": the "\/" left out in \^https:\/\/\[\^\/\?#\]\+: answered 201/,
  ],
  'printable-uri-check': ['near_miss_rejection', /url an unclosed "\[" before its host: answered 201/],
  'crash-on-combination': [
    'not_a_server_error',
    /^not_a_server_error: property-based valid body, shrunk in [1-9]\d* step\(s\) to the smallest that fails \(replay: --seed 7\): answered 500$/,
  ],
};

describe('a broken implementation', () => {
  it.each(DEFECTS)('with the defect %s is caught by the check that names it', async (defect) => {
    const [check, where] = CAUGHT_BY[defect];
    const result = await verify({ defect }, defect === 'hang-on-many-events' ? 500 : 2000);
    const lines = summary(result);
    expect(lines.filter((line) => line.startsWith(`${check}: `) && where.test(line))).not.toEqual([]);
  });
});

describe('choosing checks', () => {
  it('a gateway stricter than RFC 9110 passes with auth_forms_accepted left out, and the report says it was', async () => {
    const server = await startWebhookServer({
      tokens: [TOKEN],
      forbiddenTokens: [FORBIDDEN],
      defect: 'case-sensitive-scheme',
    });
    // verify's own per-request timeout, as the run had before it shared contractAgainst.
    const result = await contractAgainst(server, {
      excludeChecks: ['auth_forms_accepted'],
      timeoutMs: VERIFY_DEFAULTS.timeoutMs,
    });
    expect(summary(result)).toEqual([]);
    expect(result.judged.auth_forms_accepted).toBeUndefined();
    expect(toReport('contract (jest)', result).notes).toEqual([
      'checks left out (--checks, --exclude-checks): auth_forms_accepted',
    ]);
  });
});

describe('property-based valid bodies', () => {
  it('shrink a failing body to a minimal one, which the report shows, and the same seed replays the run exactly', async () => {
    const [first, again] = [
      await verify({ defect: 'crash-on-combination' }),
      await verify({ defect: 'crash-on-combination' }),
    ];
    const minimal = first.failures.find((f) => f.exchange.case.title.startsWith('property-based valid body, shrunk'))!;
    const body = minimal.exchange.case.value as { url: string; eventNames: string[] };
    // The defect needs a percent-encoded URL and two events: shrinking leaves exactly that.
    expect(body.url).toContain('%');
    expect(body.eventNames).toHaveLength(2);
    expect(minimal.exchange.request.body).toBe(JSON.stringify(body));
    const sequence = (result: RunResult) =>
      result.exchanges.filter((e) => e.case.id.includes('/property/')).map((e) => e.request.body);
    expect(sequence(again)).toEqual(sequence(first));
    expect(sequence(first).length).toBeGreaterThan(1);
  });

  it('a correct implementation passes them all, and a run sends the number asked for', async () => {
    const result = await verify({});
    expect(result.exchanges.filter((e) => e.case.id.includes('/property/'))).toHaveLength(10);
  });
});
