// The packaged spec as parsed YAML, read from the package. The browser build replaces this module
// by one with the document inlined (see scripts/bundle-msw.ts), so no file is read there.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { DEFAULT_SPEC } from './version';

export const packagedDocument = (): object => parse(readFileSync(DEFAULT_SPEC, 'utf8')) as object;
