// The package's version, read from its package.json. The browser build replaces this module by
// one with the version inlined (see scripts/bundle-msw.mjs), so no file is read there.
export { readVersion as packageVersion } from './version';
