import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The package's root folder: the nearest folder above this file with a package.json (src/ in tests, dist/src/ when built). */
function findPackageRoot(from: string): string {
  let folder = from;
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`no package.json above ${from}`);
    folder = parent;
  }
  return folder;
}

export const PACKAGE_ROOT = findPackageRoot(__dirname);

/** The spec the package ships: what the mock serves and verify checks by default. */
export const DEFAULT_SPEC = join(PACKAGE_ROOT, 'spec', 'openapi.yaml');

/** The version in package.json, read at run time so that it never drifts from the package. */
export function readVersion(): string {
  const manifest = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}
