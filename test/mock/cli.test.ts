// `kaiten-webhooks mock` as a user runs it: in-process for the flags, and the built binary for `npm start`.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli';
import { EXIT } from '../../src/platform/exit';
import { PACKAGE_ROOT } from '../../src/platform/version';
import { send, VALID_BODY } from '../support/http';

function capture() {
  const output = { out: '', err: '' };
  return { output, io: { out: (text: string) => (output.out += text), err: (text: string) => (output.err += text) } };
}

async function waitFor(read: () => string, pattern: RegExp): Promise<RegExpExecArray> {
  for (let waited = 0; waited < 10_000; waited += 25) {
    const match = pattern.exec(read());
    if (match !== null) return match;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`never printed ${String(pattern)}; got: ${read()}`);
}

it('prints the URL it listens on, one line per request, and exits 0 when stopped', async () => {
  const { output, io } = capture();
  let stop!: () => void;
  const running = runCli(
    ['mock', '--port', '0', '--seed', '5', '--token', 'a', '--no-watch'],
    io,
    new Promise<void>((resolve) => (stop = resolve)),
  );
  const [, url] = await waitFor(() => output.out, /^listening on (http:\/\/127\.0\.0\.1:\d+)$/m);
  expect(
    (await send(url!, { headers: { authorization: 'Bearer a', 'content-type': 'application/json' }, body: VALID_BODY }))
      .status,
  ).toBe(201);
  expect(
    (await send(url!, { headers: { authorization: 'Bearer b', 'content-type': 'application/json' }, body: VALID_BODY }))
      .status,
  ).toBe(401);
  await waitFor(() => output.out, /^POST \/webhooks 401 \d+ms/m);
  stop();
  expect(await running).toBe(EXIT.ok);
  expect(output.err).toBe('');
});

it('a missing spec: a clear message and exit 2', async () => {
  const { output, io } = capture();
  expect(await runCli(['mock', '--port', '0', '--spec', 'no/such/spec.yaml'], io, Promise.resolve())).toBe(
    EXIT.unusable,
  );
  expect(output.err).toMatch(/^kaiten-webhooks: cannot use the spec .*no\/such\/spec\.yaml: Error opening file/);
});

it('an invalid spec: a clear message and exit 2', async () => {
  const spec = join(mkdtempSync(join(tmpdir(), 'kaiten-cli-')), 'bad.yaml');
  writeFileSync(spec, 'openapi: 3.1.0\ninfo: {title: x}\npaths: {}\n');
  const { output, io } = capture();
  expect(await runCli(['mock', '--port', '0', '--spec', spec], io, Promise.resolve())).toBe(EXIT.unusable);
  expect(output.err).toContain(`cannot use the spec ${spec}:`);
  expect(output.err).not.toMatch(/\n\s+at /);
});

it('a port in use: a clear message and exit 2', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const { port } = blocker.address() as { port: number };
  const { output, io } = capture();
  expect(await runCli(['mock', '--port', String(port)], io, Promise.resolve())).toBe(EXIT.unusable);
  expect(output.err).toBe(
    `kaiten-webhooks: port ${port} is in use: pick another with --port, or --port 0 for a free one\n`,
  );
  blocker.close();
});

it('the built binary (what npm start runs) serves until SIGTERM', async () => {
  const child = spawn(
    process.execPath,
    [join(PACKAGE_ROOT, 'dist', 'src', 'cli.js'), 'mock', '--port', '0', '--no-watch'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  try {
    const [, url] = await waitFor(() => stdout, /^listening on (http:\/\/127\.0\.0\.1:\d+)$/m);
    expect((await send(url!, { body: VALID_BODY })).status).toBe(201);
    await waitFor(() => stdout, /^POST \/webhooks 201 \d+ms$/m);
  } finally {
    child.kill('SIGTERM');
  }
  const code = await new Promise((resolve) => child.on('exit', resolve));
  expect(code).toBe(0);
});

it('--workers 2 serves from two processes on one port and stops them all on SIGTERM', async () => {
  const child = spawn(
    process.execPath,
    [
      join(PACKAGE_ROOT, 'dist', 'src', 'cli.js'),
      'mock',
      '--port',
      '0',
      '--workers',
      '2',
      '--no-watch',
      '--log-level',
      'silent',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  try {
    const [, url] = await waitFor(() => stdout, /^listening on (http:\/\/127\.0\.0\.1:\d+) \(2 workers\)$/m);
    const replies = await Promise.all(Array.from({ length: 8 }, () => send(url!, { body: VALID_BODY })));
    expect(replies.map((reply) => reply.status)).toEqual(Array.from({ length: 8 }, () => 201));
    // No silent per-worker state: the control surface is off, and the start-up says so.
    await waitFor(
      () => stdout,
      /^control surface and journal off: they need one state, which 2 workers would split \(use --workers 1\)$/m,
    );
    expect(await send(url!, { method: 'GET', path: '/__mock/requests' })).toMatchObject({
      status: 404,
      body: { detail: 'the control surface is off: it needs a single worker (--workers 1)' },
    });
  } finally {
    child.kill('SIGTERM');
  }
  expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0);
}, 30_000);

it('--workers with --seed is a usage error: no sequence would be reproducible', async () => {
  const { output, io } = capture();
  expect(await runCli(['mock', '--workers', '2', '--seed', '1'], io, Promise.resolve())).toBe(EXIT.unusable);
  expect(output.err).toContain('--seed needs a single worker');
});
