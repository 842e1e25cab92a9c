import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/platform/version';

/** What a finished process said, and how it exited. */
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion in `cwd` (killed after `timeoutMs`), with extra environment. */
export function runIn(
  cwd: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 120_000,
): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Packs this package as `npm publish` would (from the dist/ that `npm test` just built) and returns the tarball's path. */
export function pack(destination: string): string {
  const run = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', destination], {
    cwd: PACKAGE_ROOT,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`npm pack failed: ${run.stderr}`);
  const [{ filename }] = JSON.parse(run.stdout) as [{ filename: string }];
  return join(destination, filename);
}

/** What a folder holds, to tell whether a run left anything behind. */
export const listing = (folder: string) => readdirSync(folder);

/** A mock started as a separate process, as a user starts it. */
export interface MockProcess {
  url: string;
  stop(): Promise<void>;
}

/** Spawns a command that prints `listening on URL` (the mock CLI) and resolves once it does. */
export function spawnListening(
  cwd: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<MockProcess> {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`never printed "listening on": ${output}`));
    }, 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /^listening on (http:\/\/\S+)$/m.exec(output)?.[1];
      if (url === undefined) return;
      clearTimeout(timer);
      resolve({
        url,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then(() => reject(new Error(`exited before listening: ${output}`)));
  });
}
