import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/platform/version';

/** A server under test, in its own process. */
export interface Target {
  name: string;
  url: string;
  process: ChildProcess;
  /** Wall-clock milliseconds from spawn to accepting connections. */
  spawnToListenMs: number;
  /** What the server itself reports as spec load to listening (only when its output is kept). */
  readyMs?: number;
  /** Where its output went, when kept: removed when it stops. */
  folder?: string;
}

export interface TargetCommand {
  name: string;
  /** The command line for a port. */
  args: (port: number) => string[];
  env?: Record<string, string>;
  /** Flags for node itself, before the script (`--trace-gc`, which NODE_OPTIONS does not take). */
  nodeFlags?: string[];
}

const POLL_MS = 10;
const START_LIMIT_MS = 30_000;
const HEAD_BYTES = 64 * 1024;

/** A port free right now on loopback (the server binds it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(socket.destroy() !== undefined));
    socket.once('error', () => resolve(false));
  });

/** The first bytes of a file: enough for a start-up banner, however much the server logs later. */
function head(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    return buffer.subarray(0, readSync(fd, buffer, 0, HEAD_BYTES, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * Starts a server process and resolves once it accepts connections. Its output never passes
 * through this process: it goes to /dev/null (`discard`, for loads: a server that logs a lot
 * pays only for its own writes, as in production with logs off) or to a file (`keep`, to read
 * the `ready in N ms` it reports).
 */
export async function startTarget(command: TargetCommand, output: 'discard' | 'keep' = 'discard'): Promise<Target> {
  const port = await freePort();
  const folder = output === 'keep' ? mkdtempSync(join(tmpdir(), 'kaiten-bench-')) : undefined;
  const log = folder === undefined ? '/dev/null' : join(folder, 'output.log');
  const fd = openSync(log, 'w');
  const started = performance.now();
  const child = spawn(process.execPath, [...(command.nodeFlags ?? []), ...command.args(port)], {
    cwd: PACKAGE_ROOT,
    env: { ...process.env, ...command.env },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  const shown = () => (folder === undefined ? '' : `: ${head(log).slice(-500)}`);
  try {
    while (!(await accepts(port))) {
      if (exited !== undefined) throw new Error(`${command.name} exited with ${exited}${shown()}`);
      if (performance.now() - started > START_LIMIT_MS)
        throw new Error(`${command.name} did not start in ${START_LIMIT_MS / 1000} s${shown()}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    const spawnToListenMs = performance.now() - started;
    // A server may accept connections a moment before it has written that it is ready.
    let ready = folder === undefined ? undefined : /ready in (\d+) ms/.exec(head(log))?.[1];
    for (let waited = 0; folder !== undefined && ready === undefined && waited < 2000; waited += POLL_MS) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      ready = /ready in (\d+) ms/.exec(head(log))?.[1];
    }
    return {
      name: command.name,
      url: `http://127.0.0.1:${port}`,
      process: child,
      spawnToListenMs,
      ...(folder === undefined ? {} : { folder }),
      ...(ready === undefined ? {} : { readyMs: Number(ready) }),
    };
  } catch (error) {
    child.kill('SIGKILL');
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

export function stopTarget(target: Target): Promise<void> {
  const removed = () => {
    if (target.folder !== undefined) rmSync(target.folder, { recursive: true, force: true });
  };
  if (target.process.exitCode !== null || target.process.signalCode !== null) return Promise.resolve(removed());
  return new Promise((resolve) => {
    target.process.once('exit', () => resolve(removed()));
    target.process.kill('SIGTERM');
  });
}

/** Resident memory of a process, in MB (Linux /proc). */
export function residentMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
  return kb / 1024;
}

/** CPU time a process and its children (cluster workers) have used so far, user + system, in ms (Linux /proc, 100 ticks a second). */
export function cpuMs(pid: number): number {
  // The fields after the command name, which is in parentheses and may hold spaces.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  return (Number(fields[11]) + Number(fields[12])) * 10 + children.reduce((sum, child) => sum + cpuMs(child), 0);
}

const SPEC = join(PACKAGE_ROOT, 'spec', 'openapi.yaml');

/** This mock with its default flags, plus any given (`--workers 2`, `--journal-size 0`). */
export const OURS = (...flags: string[]): TargetCommand => ({
  name: ['kaiten-webhooks', ...flags].join(' '),
  args: (port) => [join(PACKAGE_ROOT, 'dist', 'src', 'cli.js'), 'mock', '--port', String(port), '--no-watch', ...flags],
});

export const PRISM: TargetCommand = {
  name: 'prism mock',
  args: (port) => [
    join(PACKAGE_ROOT, 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js'),
    'mock',
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    SPEC,
  ],
  env: { SCARF_ANALYTICS: 'false' },
};

export const BARE: TargetCommand = {
  name: 'node:http (parse + echo)',
  args: (port) => [join(__dirname, 'bare-server.js'), String(port)],
};

/** The validating proxy in front of an upstream. */
export const PROXY = (upstream: string): TargetCommand => ({
  name: 'kaiten-webhooks proxy',
  args: (port) => [
    join(PACKAGE_ROOT, 'dist', 'src', 'cli.js'),
    'proxy',
    '--upstream',
    upstream,
    '--port',
    String(port),
  ],
});
