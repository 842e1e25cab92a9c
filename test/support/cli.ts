import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/version';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a node process to completion (killed after `timeoutMs`), outside Jest's module system. */
export function runNode(args: string[], timeoutMs = 60_000, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: PACKAGE_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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

/** The built CLI (`npm run build`), as a user runs it. */
export const runBuiltCli = (args: string[], timeoutMs?: number) => runNode([join(PACKAGE_ROOT, 'dist', 'src', 'cli.js'), ...args], timeoutMs);
