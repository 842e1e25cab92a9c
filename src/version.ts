import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The package's root folder: one level above both src/ (tests) and dist/ (built). */
export const PACKAGE_ROOT = join(__dirname, '..');

/** The version in package.json, read at run time so that it never drifts from the package. */
export function readVersion(): string {
  const manifest = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}
