import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/platform/version';
import { pack, runIn, spawnListening, type MockProcess } from './project';

/** What the installed project holds beside the tarball: verify's optional peers and what the README's recipes use. */
const EXTRAS = ['jest', 'dredd', 'typescript', '@types/node', 'vite', 'openapi-typescript', 'openapi-fetch'];
/** The oldest msw the README names, so the handlers are held to it. */
const MSW = 'msw@2.10.5';

const devVersion = (name: string) =>
  (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> })
    .devDependencies[name]!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One empty project with the packed tarball installed as a user installs it: `full` with verify's
 * optional peers and what the README's recipes use, `light` with nothing else (a mock user's
 * install). Shared by every test file of a run: packing is deterministic, so the same
 * dist/ gives the same tarball and the same folder. Built once, under a lock the files wait on.
 */
export async function installedProject(kind: 'full' | 'light' = 'full'): Promise<string> {
  const staging = join(tmpdir(), `kaiten-pack-${process.pid}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(staging, { recursive: true });
  const packed = pack(staging);
  const hash = createHash('sha256').update(readFileSync(packed)).digest('hex').slice(0, 16);
  const project = join(tmpdir(), `kaiten-installed-${hash}-${kind}`);
  const lock = `${project}.lock`;
  for (let waited = 0; !existsSync(join(project, '.ready')); waited += 500) {
    try {
      mkdirSync(lock);
    } catch {
      if (waited > 900_000) throw new Error(`gave up waiting for ${lock}`);
      await sleep(500);
      continue;
    }
    try {
      if (!existsSync(join(project, '.ready')))
        await install(
          project,
          packed,
          kind === 'full' ? [MSW, ...EXTRAS.map((name) => `${name}@${devVersion(name)}`)] : [],
        );
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  rmSync(staging, { recursive: true, force: true });
  return project;
}

/** The tarball from the project's vendor/ folder, and `extras` beside it; a light project gets the tarball alone. */
async function install(project: string, packed: string, extras: string[]): Promise<void> {
  rmSync(project, { recursive: true, force: true });
  mkdirSync(project, { recursive: true });
  // The tarball sits in the project, as a team's vendor/ folder holds it.
  const tarball = join(project, 'vendor', 'kaiten-webhooks-harness.tgz');
  mkdirSync(join(project, 'vendor'));
  writeFileSync(tarball, readFileSync(packed));
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'a-frontend', version: '1.0.0', private: true, type: 'commonjs' }),
  );
  const args = [
    'install',
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
    './vendor/kaiten-webhooks-harness.tgz',
    ...extras,
  ];
  const run = await runIn(project, 'npm', args, {}, 900_000);
  if (run.code !== 0) throw new Error(`npm install failed:\n${run.stderr}`);
  writeFileSync(join(project, '.ready'), '');
}

/** The installed CLI's mock, as a user starts it: a free port, tokens `T` (with the scope) and `F` (without). */
export const startInstalledMock = (project: string): Promise<MockProcess> =>
  spawnListening(project, join(project, 'node_modules', '.bin', 'kaiten-webhooks'), [
    'mock',
    '--port',
    '0',
    '--token',
    'T',
    '--forbidden-token',
    'F',
    '--log-level',
    'silent',
  ]);
