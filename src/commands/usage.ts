// Every command's help, kept apart from the commands so that `--help` loads nothing heavy.
import { VERIFY_DEFAULTS } from '../report/run-result';
import { LOG_LEVELS } from '../engine/log';
import { MOCK_DEFAULTS } from '../engine/mock-defaults';
import { MAX_DELAY_MS } from '../engine/prefer';

export const CLI_USAGE = `Usage: kaiten-webhooks <command> [options]

Mock server and contract-testing harness for the Kaiten Webhooks API (POST /webhooks).

Commands:
  mock           serve the spec as a realistic mock API (kaiten-webhooks mock --help)
  verify         check a running implementation against the spec (kaiten-webhooks verify --help)
  proxy          check live traffic against the spec, both ways (kaiten-webhooks proxy --help)
  check          check recorded traffic (a HAR file) against the spec, both ways (kaiten-webhooks check --help)

Options:
  -h, --help     show this help and exit
  -v, --version  print the version and exit

Exit codes: 0 success, 1 violations found, 2 could not run (bad arguments, unusable spec).
`;

export const MOCK_USAGE = `Usage: kaiten-webhooks mock [options]

Serves the spec as a mock API: a 201 that reflects the request, the real problem+json for a
bad request, and every documented answer on demand (Prefer: code=403, example=..., dynamic=true,
delay=MS; or the __code, __example, __dynamic, __delay query parameters).

Options:
  --spec FILE              OpenAPI file to serve (default: the packaged spec/openapi.yaml)
  --host HOST              address to listen on (default: ${MOCK_DEFAULTS.host})
  --port N                 port to listen on; 0 picks a free one (default: ${MOCK_DEFAULTS.port})
  --seed N                 reproducible ids, timestamps and generated data
  --token T                accept only this bearer token (repeatable; default: any token)
  --forbidden-token T      a token without the operation's scope: answered 403 (repeatable)
  --delay MS               wait before every answer (0-${MAX_DELAY_MS})
  --log-level LEVEL        ${LOG_LEVELS.join(', ')} (default: ${MOCK_DEFAULTS.logLevel}, one line per request)
  --no-watch               do not reload the spec when its file changes
  --workers N              serve from N processes sharing the port (node:cluster); not with --seed;
                           turns the control surface (/__mock) and the journal off
  --journal-size N         requests the journal keeps, newest last (default: ${MOCK_DEFAULTS.journalSize}; 0 keeps none)
  --answers FILE           stage answers at start-up: a YAML or JSON list, as POST /__mock/answers takes
  --admin-token T          bearer token for /__mock (needed when --host is beyond loopback)
  -h, --help               show this help
  -- CMD ARGS              run CMD once listening (KAITEN_MOCK_URL set), stop when it ends,
                           and exit with its exit code

Stops on SIGINT, SIGTERM or SIGHUP, or when its parent process goes away.
`;

export const VERIFY_USAGE = `Usage: kaiten-webhooks verify --base-url URL [options]

Verifies a running implementation of the API against the spec, with the Jest suite (cases
derived from the spec) and the Dredd suite (one transaction per documented response), both
held to the same named checks.

Options:
  --base-url URL           the implementation to verify; may carry a path prefix (required)
  --spec FILE              OpenAPI file (default: the packaged spec/openapi.yaml)
  --token T                a valid bearer token with the required scope (default: $KAITEN_TOKEN)
  --forbidden-token T      a valid token without the scope, to exercise 403 (default: $KAITEN_FORBIDDEN_TOKEN)
  --suite all|jest|dredd   which suites to run (default: all)
  --junit FILE             write JUnit XML for CI
  --html FILE              write the report as one self-contained HTML page
  --seed N                 replay the generated cases of an earlier run (printed in every report)
  --timeout MS             per-request timeout (default: ${VERIFY_DEFAULTS.timeoutMs})
  --cases N                property-based valid bodies per operation (fast-check; a failing one is shrunk) (default: ${VERIFY_DEFAULTS.randomBodies})
  --clock-skew S           how far, in seconds, a server-made time may be from the request's (default: ${VERIFY_DEFAULTS.clockSkewMs / 1000})
  --checks a,b             apply only these checks (names as reports show them)
  --exclude-checks a,b     apply every check but these (say, auth_forms_accepted behind a stricter gateway)
  -h, --help               show this help

Tokens: --token and --forbidden-token win over $KAITEN_TOKEN and $KAITEN_FORBIDDEN_TOKEN.
Under GitHub Actions (GITHUB_ACTIONS=true) each failure is also an ::error annotation, and a
summary is appended to $GITHUB_STEP_SUMMARY when it is set.
Exit codes: 0 the target conforms, 1 violations found, 2 could not verify.
`;

export const PROXY_USAGE = `Usage: kaiten-webhooks proxy --upstream URL [options]

Forwards every request to the upstream unchanged and its answer back unchanged, and holds both
to the spec: each request with the request checks (consumer drift), each answer with the answer
checks verify uses (provider drift). Violations are printed as they happen; the run ends on
Ctrl-C (SIGINT), SIGTERM, SIGHUP, its parent going away, --max-requests, --duration or the end
of the command after -- with a report, as verify's.

Options:
  --upstream URL           the server to forward to; may carry a path prefix (required)
  --spec FILE              OpenAPI file (default: the packaged spec/openapi.yaml)
  --host H                 address to listen on (default: 127.0.0.1)
  --port N                 port to listen on; 0 picks a free one (default: 4020)
  --fail-on SIDE           request, response, any or none: whose violations fail the run (default: any)
  --max-requests N         end the run after N requests
  --duration S             end the run after S seconds
  --junit FILE             write JUnit XML for CI
  --html FILE              write the report as one self-contained HTML page
  --report FILE            write the report as JSON
  --har FILE               write what went through as HAR 1.2 (the first 10 000 exchanges, credentials masked)
  --upstream-ca FILE       trust this certificate authority (PEM) too, for an https upstream
  --timeout MS             how long to wait for the upstream's answer before a 504 (default: 30000)
  --clock-skew S           how far, in seconds, a server-made time may be from the request's (default: 300)
  --mock-unimplemented     answer from the mock where the upstream says 501 or 404 for a documented
                           operation (those answers are not judged; the report counts them)
  --checks a,b             apply only these answer checks (names as reports show them)
  --exclude-checks a,b     apply every answer check but these
  -h, --help               show this help
  -- CMD ARGS              run CMD once listening (KAITEN_PROXY_URL set) and stop when it ends;
                           a clean verdict exits with CMD's exit code

While it runs, GET /__proxy/report on the proxy gives the report so far as JSON.
Under GitHub Actions (GITHUB_ACTIONS=true) each failure is also an ::error annotation, and a
summary is appended to $GITHUB_STEP_SUMMARY when it is set.
Exit codes: 0 no violations of the kind --fail-on names, 1 violations, 2 could not run
(bad arguments, unusable spec, upstream unreachable at start) or nothing went through.
`;

export const CHECK_USAGE = `Usage: kaiten-webhooks check FILE.har [options]

Judges recorded traffic offline, as the proxy judges live traffic: each request with the request
checks (consumer drift), each answer with the answer checks (provider drift). A HAR file comes from
a browser's developer tools ("Save all as HAR"), Playwright's recordHar, the mock's
GET /__mock/requests.har or proxy --har. Entries for other hosts, undocumented paths and entries
without an answer are counted and listed, not judged.

Options:
  --spec FILE              OpenAPI file (default: the packaged spec/openapi.yaml)
  --base-url URL           only entries under this URL are the API's (default: every entry for an
                           operation the spec documents, on any host)
  --fail-on SIDE           request, response, any or none: whose violations fail the run (default: any)
  --junit FILE             write JUnit XML for CI
  --html FILE              write the report as one self-contained HTML page
  --report FILE            write the report as JSON
  --clock-skew S           how far, in seconds, a server-made time may be from the request's (default: 300)
  --checks a,b             apply only these answer checks
  --exclude-checks a,b     apply every answer check but these
  -h, --help               show this help

Exit codes: 0 no violations of the kind --fail-on names, 1 violations, 2 could not run (a file
that is not HAR, an unusable spec, bad arguments) or no entry was for the spec's operations.
`;
