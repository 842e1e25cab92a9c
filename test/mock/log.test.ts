// One concise line per request: method, path, status, time, and why for errors.
import { JSON_HEADERS, send, VALID_BODY } from '../support/http';
import { useMock } from '../support/mock';

const lines: string[] = [];
const quietLines: string[] = [];
const mock = useMock({ logLevel: 'info', log: (line) => lines.push(line) });
const quiet = useMock({ logLevel: 'error', log: (line) => quietLines.push(line) });

beforeEach(() => {
  lines.length = 0;
});

it('logs a success as method, path, status and milliseconds', async () => {
  await send(mock().url, { body: VALID_BODY });
  expect(lines).toEqual([expect.stringMatching(/^POST \/webhooks 201 \d+ms$/)]);
});

it('logs why an error was sent', async () => {
  await send(mock().url, { body: { url: 'http://insecure.example.com', eventNames: ['RELEASE_CREATION'] } });
  await send(mock().url, { headers: { ...JSON_HEADERS, authorization: 'Basic x' }, body: VALID_BODY });
  expect(lines).toEqual([
    expect.stringMatching(
      /^POST \/webhooks 422 \d+ms validation failed; body\.url: expected string to match pattern \^https:\/\/\[\^\/\?#\]\+$/,
    ),
    expect.stringMatching(
      /^POST \/webhooks 401 \d+ms invalid Authorization header: expected the Bearer scheme, not "Basic"$/,
    ),
  ]);
});

it('--log-level error keeps requests quiet', async () => {
  await send(quiet().url, { body: VALID_BODY });
  await send(quiet().url, { body: {} });
  expect(quietLines).toEqual([]);
});

describe('--log-level debug', () => {
  const debugLines: string[] = [];
  const debug = useMock({ logLevel: 'debug', log: (line) => debugLines.push(line) });

  it('also logs the request headers, credentials masked, and the body', async () => {
    await send(debug().url, { body: VALID_BODY });
    expect(debugLines[0]).toMatch(/^POST \/webhooks 201 \d+ms$/);
    expect(debugLines[1]).toMatch(/^ {2}request headers: \{.*"authorization":"Bearer \*\*\*".*\}$/);
    expect(debugLines[2]).toBe(`  request body: ${JSON.stringify(VALID_BODY)}`);
    expect(debugLines.join('\n')).not.toContain('test-token');
  });
});
