import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/version';

/** A server under test, in its own process. */
export interface Target {
  name: string;
  url: string;
  process: ChildProcess;
  /** Wall-clock milliseconds from spawn to listening. */
  spawnToListenMs: number;
  /** What the server itself reports as spec load to listening, when it does. */
  readyMs?: number;
}

export interface TargetCommand {
  name: string;
  args: string[];
  env?: Record<string, string>;
  /** The line that says the server listens, with the URL in group 1. */
  listening: RegExp;
  /** Whether it also prints `ready in N ms` (spec load to listening). */
  reportsReady?: boolean;
}

/** Starts a server process and resolves when it prints that it listens; its output keeps being drained. */
export function startTarget(command: TargetCommand): Promise<Target> {
  const started = performance.now();
  const child = spawn(process.execPath, command.args, { cwd: PACKAGE_ROOT, env: { ...process.env, ...command.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let seen = '';
    let spawnToListenMs: number | undefined;
    let url: string | undefined;
    const timer = setTimeout(() => reject(new Error(`${command.name} did not start: ${seen.slice(-500)}`)), 30_000);
    const read = (chunk: Buffer) => {
      if (seen.length > 100_000) return; // keep draining, stop keeping
      seen += chunk.toString();
      url ??= command.listening.exec(seen)?.[1];
      if (url !== undefined && spawnToListenMs === undefined) spawnToListenMs = performance.now() - started;
      const ready = /ready in (\d+) ms/.exec(seen)?.[1];
      if (url !== undefined && (ready !== undefined || command.reportsReady !== true)) {
        clearTimeout(timer);
        resolve({ name: command.name, url, process: child, spawnToListenMs: spawnToListenMs!, ...(ready === undefined ? {} : { readyMs: Number(ready) }) });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`${command.name} exited with ${code}: ${seen.slice(-500)}`)));
  });
}

export function stopTarget(target: Target): Promise<void> {
  return new Promise((resolve) => {
    target.process.removeAllListeners('exit');
    target.process.once('exit', () => resolve());
    target.process.kill('SIGTERM');
  });
}

/** Resident memory of a process, in MB (Linux /proc). */
export function residentMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
  return kb / 1024;
}

const SPEC = join(PACKAGE_ROOT, 'spec', 'openapi.yaml');

/** This mock with its default flags, plus any given (`--workers 2`, `--journal-size 0`). */
export const OURS = (...flags: string[]): TargetCommand => ({
  name: ['kaiten-webhooks', ...flags].join(' '),
  args: [join(PACKAGE_ROOT, 'dist', 'src', 'cli.js'), 'mock', '--port', '0', '--no-watch', ...flags],
  listening: /^listening on (http:\/\/\S+)/m,
  reportsReady: true,
});

export const PRISM: TargetCommand = {
  name: 'prism mock',
  args: [join(PACKAGE_ROOT, 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js'), 'mock', '-h', '127.0.0.1', '-p', '0', SPEC],
  env: { SCARF_ANALYTICS: 'false' },
  listening: /Prism is listening on (http:\/\/\S+)/,
};

export const BARE: TargetCommand = {
  name: 'node:http (parse + echo)',
  args: [join(__dirname, 'bare-server.js')],
  listening: /^listening on (http:\/\/\S+)$/m,
};
