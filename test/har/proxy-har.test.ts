// proxy --har: what went through, as HAR 1.2 (held to the schema by har-validator), credentials
// masked; and the round trip: `check` on that file judges the same traffic the same way.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/platform/version';
import { startWebhookServer } from '../fixtures/servers/webhook-server';
import { runBuiltCli, runNode } from '../support/cli';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const validate = require('har-validator') as { har: (har: unknown) => Promise<unknown> };
jest.setTimeout(60_000);

it('proxy --har writes valid HAR with credentials masked, and check judges it as the proxy did', async () => {
  const upstream = await startWebhookServer({ tokens: ['s3cret-token'], forbiddenTokens: [] });
  const har = join(mkdtempSync(join(tmpdir(), 'kaiten-proxy-har-')), 'traffic.har');
  const client = `const send = (body) => fetch(process.env.KAITEN_PROXY_URL + '/webhooks', { method: 'POST', headers: { authorization: 'Bearer s3cret-token', 'content-type': 'application/json' }, body });
send(JSON.stringify({ url: 'https://hooks.example.com/h', eventNames: ['CUSTOMER_CREATION'] })).then(() => send('{"url":'));`;
  try {
    const proxied = await runNode([
      join(PACKAGE_ROOT, 'dist', 'src', 'cli.js'),
      'proxy',
      '--upstream',
      upstream.url,
      '--port',
      '0',
      '--har',
      har,
      '--',
      process.execPath,
      '-e',
      client,
    ]);
    expect(proxied.stdout).toMatch(
      /^proxy: FAILED, 2 request\(s\): 1 request violation\(s\) \(consumer\), 0 answer violation\(s\)/m,
    );
    const written = JSON.parse(readFileSync(har, 'utf8')) as {
      log: {
        entries: {
          request: { url: string; headers: { name: string; value: string }[] };
          response: { status: number };
        }[];
      };
    };
    await expect(validate.har(written)).resolves.toEqual(written);
    expect(written.log.entries.map((entry) => entry.response.status)).toEqual([201, 400]);
    expect(written.log.entries[0]!.request.url).toBe(`${upstream.url}/webhooks`);
    expect(written.log.entries[0]!.request.headers).toContainEqual({ name: 'authorization', value: 'Bearer ***' });
    expect(readFileSync(har, 'utf8')).not.toContain('s3cret');

    const checked = await runBuiltCli(['check', har, '--base-url', upstream.url]);
    expect(checked.stdout).toMatch(
      /^check: FAILED, 2 request\(s\): 1 request violation\(s\) \(consumer\), 0 answer violation\(s\)/m,
    );
    expect(checked.stdout).toMatch(/^FAILED request_body_conformance \(1\): /m);
  } finally {
    await upstream.close();
  }
});
