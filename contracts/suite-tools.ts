import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/platform/version';

/** What each suite runs on: optional peer dependencies, left out of a mock-only install. */
const TOOLS = { jest: ['jest'], dredd: ['dredd'], all: ['dredd', 'jest'] } as const;

/** Whether `name` can be loaded from where this package is installed. */
function installed(name: string): boolean {
  try {
    require.resolve(name, { paths: [PACKAGE_ROOT] });
    return true;
  } catch {
    return false;
  }
}

/**
 * Why the chosen suites cannot run, naming the exact install line (the versions this package is
 * tested with, from its peerDependencies), or undefined when what they need is installed.
 */
export function missingTools(suite: keyof typeof TOOLS): string | undefined {
  const missing = TOOLS[suite].filter((name) => !installed(name));
  if (missing.length === 0) return undefined;
  const peers = (
    JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { peerDependencies: Record<string, string> }
  ).peerDependencies;
  const which =
    suite === 'all' ? 'verify runs Jest and Dredd' : `--suite ${suite} runs ${suite === 'jest' ? 'Jest' : 'Dredd'}`;
  return `${which}, optional dependencies that are not installed: npm i -D ${missing.map((name) => `${name}@${peers[name]!}`).join(' ')}`;
}
