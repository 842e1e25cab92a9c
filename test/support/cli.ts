import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/platform/version';
import { runIn } from './project';

import type { Run } from './project';

export type { Run };

/** Runs a node process to completion (killed after `timeoutMs`), outside Jest's module system. */
export const runNode = (args: string[], timeoutMs = 60_000, env: NodeJS.ProcessEnv = {}): Promise<Run> =>
  runIn(PACKAGE_ROOT, process.execPath, args, env, timeoutMs);

/** The built CLI (`npm run build`), as a user runs it. */
export const runBuiltCli = (args: string[], timeoutMs?: number, env?: NodeJS.ProcessEnv) =>
  runNode([join(PACKAGE_ROOT, 'dist', 'src', 'cli.js'), ...args], timeoutMs, env);
