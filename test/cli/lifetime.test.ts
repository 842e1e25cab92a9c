// How the long-running commands end when nobody signals them directly: a command run alongside
// (`-- CMD`) that ends, and a parent that goes away (what `npx ... &` leaves behind when the job is
// stopped: npm's `sh -c` dies and passes nothing on).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/platform/version';
import { runNode } from '../support/cli';
import { SPEC_PATH } from '../support/spec-copies';
import { startWebhookServer } from '../fixtures/servers/webhook-server';

jest.setTimeout(60_000);

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli.js');
/** A script for `node -e` that creates one webhook through $VARIABLE and exits with `code`. */
const create = (variable: string, code: number, url = 'https://hooks.example.com/k') =>
  `fetch(process.env.${variable} + '/webhooks', { method: 'POST', headers: { authorization: 'Bearer good', 'content-type': 'application/json' }, body: JSON.stringify({ url: '${url}', eventNames: ['CUSTOMER_CREATION'] }) }).then((r) => { console.log('status', r.status); process.exit(${code}); })`;

let server: Awaited<ReturnType<typeof startWebhookServer>>;
beforeAll(async () => {
  server = await startWebhookServer({ tokens: ['good'], forbiddenTokens: [] });
});
afterAll(() => server.close());

describe('proxy -- CMD', () => {
  const html = join(mkdtempSync(join(tmpdir(), 'kaiten-lifetime-')), 'proxy.html');
  const proxy = (script: string) =>
    runNode([
      CLI,
      'proxy',
      '--upstream',
      server.url,
      '--port',
      '0',
      '--spec',
      SPEC_PATH,
      '--html',
      html,
      '--',
      process.execPath,
      '-e',
      script,
    ]);

  it('runs the command against KAITEN_PROXY_URL and stops when it ends: the report, exit 0', async () => {
    const run = await proxy(create('KAITEN_PROXY_URL', 0));
    expect(run.stdout).toContain('status 201');
    expect(run.stdout).toContain('proxy stopped (the command ended with exit code 0)');
    expect(run.stdout).toMatch(/^proxy: PASSED, 1 request\(s\)/m);
    expect(run.code).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/<p id="verdict" class="verdict passed">proxy: PASSED, 1 request\(s\)/); // --html
  });

  it("a clean verdict passes on the command's own failure; violations win over it", async () => {
    expect((await proxy(create('KAITEN_PROXY_URL', 3))).code).toBe(3);
    const broken = await proxy(create('KAITEN_PROXY_URL', 0, 'http://not-https.example.com'));
    expect(broken.stdout).toMatch(/^proxy: FAILED/m);
    expect(broken.code).toBe(1);
  });

  it('a command that cannot start is said in one line; the proxy still reports and exits', async () => {
    const run = await runNode([CLI, 'proxy', '--upstream', server.url, '--port', '0', '--', 'no-such-command-here']);
    expect(run.stderr).toContain('kaiten-webhooks: cannot run no-such-command-here: no such command');
    expect(run.code).toBe(2); // nothing went through
  });
});

it('mock -- CMD runs the command against KAITEN_MOCK_URL and exits with its code', async () => {
  const run = await runNode([
    CLI,
    'mock',
    '--port',
    '0',
    '--no-watch',
    '--log-level',
    'silent',
    '--',
    process.execPath,
    '-e',
    create('KAITEN_MOCK_URL', 4),
  ]);
  expect(run.stdout).toContain('status 201');
  expect(run.code).toBe(4);
});

it.each(['mock', 'proxy'])(
  '%s ends cleanly when its parent dies without passing a signal on (as npx leaves it)',
  async (command) => {
    const args =
      command === 'mock' ? ['mock', '--port', '0', '--no-watch'] : ['proxy', '--upstream', server.url, '--port', '0'];
    // A shell that ignores the signal and starts the server, as `sh -c` under `npx ... &` does; the
    // server's pid goes to fd 3, and the shell is killed outright.
    const quoted = [process.execPath, CLI, ...args].map((word) => `'${word}'`).join(' ');
    const shell = spawn('sh', ['-c', `trap '' INT; ${quoted} & echo $! >&3; wait`], {
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    let output = '';
    shell.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const pid = await new Promise<number>((resolve) =>
      shell.stdio[3]!.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))),
    );
    const url = await new Promise<string>((resolve) => {
      const found = () => {
        const match = /listening on (http:\/\/[\d.:]+)/.exec(output);
        if (match !== null) resolve(match[1]!);
      };
      shell.stdout!.on('data', found);
      found();
    });
    shell.kill('SIGKILL');
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 100 && alive(); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive()).toBe(false);
    await expect(fetch(url)).rejects.toThrow(); // the port is free again
  },
);
