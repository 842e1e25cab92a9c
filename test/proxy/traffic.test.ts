// Real traffic through the proxy, judged both ways by the shared checks: a correct server and a
// well-behaved client pass; a client's invalid requests are consumer drift; each planted server
// defect is provider drift, caught by the named check verify uses for it.
import { startProxy, type RunningProxy } from '../../src/proxy/start';
import { proxyExitCode } from '../../src/traffic/verdict';
import { send, type Call } from '../support/http';
import { SPEC_PATH } from '../support/spec-copies';
import { startWebhookServer, type Defect } from '../fixtures/servers/webhook-server';

// Generous: a loaded CI machine shares its 2 cores with every server these tests start.
jest.setTimeout(30_000);

const TOKEN = 'good-token';
const AUTH = { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` };
const VALID = { url: 'https://hooks.example.com/kaiten', eventNames: ['CUSTOMER_CREATION', 'RELEASE_CREATION'] };

/** What a well-behaved client sends: valid bodies only, with its token. */
const WELL_BEHAVED: Call[] = [
  { headers: AUTH, body: VALID },
  { headers: AUTH, body: { url: 'https://hooks.example.com/other', eventNames: ['FEATURE_FLAG_DELETION'] } },
  { headers: AUTH, body: { url: 'https://hooks.example.com:8443/with-port', eventNames: ['LICENSE_CREATION'] } },
];

/** A client with bugs: each request breaks the spec in its own way. */
const SLOPPY: Call[] = [
  { headers: AUTH, body: { url: 'http://hooks.example.com/insecure', eventNames: [] } },
  { headers: AUTH, body: '{"url": ' },
  { headers: { 'content-type': 'application/json' }, body: VALID },
  { headers: { ...AUTH, 'content-type': 'text/plain' }, body: JSON.stringify(VALID) },
  { headers: AUTH, body: { ...VALID, secret: 'extra' } },
];

async function through(upstreamUrl: string, calls: Call[], also: Partial<Parameters<typeof startProxy>[0]> = {}) {
  const lines: string[] = [];
  const proxy: RunningProxy = await startProxy({
    upstream: upstreamUrl,
    spec: SPEC_PATH,
    port: 0,
    log: (line) => lines.push(line),
    ...also,
  });
  try {
    const replies = [];
    for (const call of calls) replies.push(await send(proxy.url, call));
    return { reports: proxy.reports(), lines, replies, html: proxy.html(), tally: proxy.tally() };
  } finally {
    await proxy.close();
  }
}

const failed = (report: { failures: { check: string; message: string }[] }) =>
  report.failures.map((failure) => `${failure.check}: ${failure.message}`);

describe('through the proxy to the reference implementation', () => {
  let server: Awaited<ReturnType<typeof startWebhookServer>>;
  beforeAll(async () => {
    server = await startWebhookServer({ tokens: [TOKEN], forbiddenTokens: [] });
  });
  afterAll(() => server.close());

  it('a well-behaved client passes both ways, with the answers passed on unchanged (exit 0)', async () => {
    const direct = await send(server.url, WELL_BEHAVED[0]);
    const { reports, lines, replies, html, tally } = await through(server.url, WELL_BEHAVED);
    const [requests, answers] = reports;
    expect([failed(requests), failed(answers), lines]).toEqual([[], [], []]);
    expect(tally).toEqual({ requests: 3, consumer: 0, provider: 0 });
    expect(html).toContain('<p id="verdict" class="verdict passed">proxy: PASSED, 3 request(s)'); // startProxy().html()
    expect(replies.map((reply) => reply.status)).toEqual([201, 201, 201]);
    expect(Object.keys(replies[0]!.body as object).sort()).toEqual(Object.keys(direct.body as object).sort());
    expect(requests.checks.find((check) => check.name === 'request_body_conformance')).toMatchObject({
      status: 'passed',
      judged: 3,
    });
    expect(answers.checks.find((check) => check.name === 'response_schema_conformance')).toMatchObject({
      status: 'passed',
      judged: 3,
    });
    expect(proxyExitCode(reports, 'any')).toBe(0);
  });

  it("a client's invalid requests are consumer drift, named by the request checks; the server's refusals pass", async () => {
    const { reports, lines } = await through(server.url, SLOPPY);
    const [requests, answers] = reports;
    expect(new Set(requests.failures.map((failure) => failure.check))).toEqual(
      new Set(['request_body_conformance', 'credentials_present', 'request_media_type']),
    );
    expect(requests.failures).toHaveLength(5);
    expect(failed(answers)).toEqual([]);
    expect(lines.filter((line) => line.startsWith('REQUEST '))).toHaveLength(5);
    expect([
      proxyExitCode(reports, 'request'),
      proxyExitCode(reports, 'response'),
      proxyExitCode(reports, 'any'),
      proxyExitCode(reports, 'none'),
    ]).toEqual([1, 0, 1, 0]);
  });

  it('a request for something the spec does not have is reported as such', async () => {
    const { reports } = await through(server.url, [{ method: 'GET', path: '/webhooks/42', headers: AUTH }]);
    expect(failed(reports[0])).toEqual(['operation_documented: GET /webhooks/42 is not in the spec']);
  });

  it('credentials never appear in the report: each token is a $VARIABLE', async () => {
    const { reports } = await through(server.url, [{ headers: AUTH, body: { ...VALID, secret: 'x' } }]);
    const text = JSON.stringify(reports);
    expect(text).not.toContain(TOKEN);
    expect(reports[0].failures[0]!.curl).toContain('Bearer $KAITEN_TOKEN');
  });
});

/** Each defect, the traffic that shows it, and the answer check that must catch it. */
const DEFECT_CASES: [Defect, string, Call[]][] = [
  ['status-200', 'status_code_conformance', WELL_BEHAVED],
  ['text-content-type', 'content_type_conformance', WELL_BEHAVED],
  ['success-extra-field', 'response_schema_conformance', WELL_BEHAVED],
  ['problem-status-mismatch', 'problem_details_conformance', [SLOPPY[0]!]],
  [
    'allows-http',
    'negative_data_rejection',
    [{ headers: AUTH, body: { ...VALID, url: 'http://hooks.example.com/k' } }],
  ],
  ['malformed-as-422', 'expected_status', [SLOPPY[1]!]],
  ['no-auth', 'ignored_auth', [SLOPPY[2]!]],
  ['crash-on-port', 'not_a_server_error', WELL_BEHAVED],
  ['ignores-request', 'response_reflects_request', WELL_BEHAVED],
  ['reused-ids', 'unique_ids', WELL_BEHAVED],
  ['updated-before-created', 'timestamps_in_order', WELL_BEHAVED],
];

describe('planted server defects, through the proxy', () => {
  it.each(DEFECT_CASES)(
    '%s is caught by %s (provider side, exit 1 on --fail-on response)',
    async (defect, check, calls) => {
      const server = await startWebhookServer({ tokens: [TOKEN], forbiddenTokens: [], defect });
      try {
        const { reports } = await through(server.url, calls);
        expect(reports[1].failures.map((failure) => failure.check)).toContain(check);
        expect(proxyExitCode(reports, 'response')).toBe(1);
      } finally {
        await server.close();
      }
    },
  );
});
