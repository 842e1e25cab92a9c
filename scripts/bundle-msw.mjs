// Builds dist/browser/msw.mjs: `kaiten-webhooks-harness/msw` for the browser, one ES module with
// the packaged spec parsed into it. `msw` stays an import (the app's own copy). For a page with no
// bundler, msw's REST API as one ES module (vendor-msw.mjs: http, HttpResponse, delay, passthrough,
// bypass, setupWorker; what an import map points `msw` at) and the
// worker script of the same msw version; and `kaiten-webhooks-harness/values` as an ES module. Our Node-only
// modules are swapped for their browser twins, and Prism's Node-only parts (its HTTP forwarder
// with its proxy agents, json-schema-faker's file and URL resolver) for stubs that say so if ever
// called. Any other Node built-in that reaches the bundle fails the build (esbuild's own error).
import { analyzeMetafile, build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { STATUS_CODES } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist', 'browser', 'msw.mjs');

const browserTwins = {
  name: 'browser-twins',
  setup(bundler) {
    // Our platform modules have a `.browser.ts` twin beside them, or are generated here.
    bundler.onResolve({ filter: /platform\/hash$/ }, (args) => ({
      path: join(args.resolveDir, `${args.path}.browser.ts`),
    }));
    bundler.onResolve({ filter: /platform\/packaged-spec$/ }, () => ({
      path: 'packaged-spec',
      namespace: 'generated',
    }));
    bundler.onResolve({ filter: /platform\/package-version$/ }, () => ({
      path: 'package-version',
      namespace: 'generated',
    }));
    bundler.onLoad({ filter: /^package-version$/, namespace: 'generated' }, () => {
      const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
      return { contents: `export const packageVersion = () => ${JSON.stringify(version)};\n`, loader: 'js' };
    });
    bundler.onResolve({ filter: /^node:http$/ }, () => ({ path: 'http', namespace: 'generated' }));
    bundler.onLoad({ filter: /^packaged-spec$/, namespace: 'generated' }, () => {
      const text = JSON.stringify(parse(readFileSync(join(ROOT, 'spec', 'openapi.yaml'), 'utf8')));
      return {
        contents: `const document = JSON.parse(${JSON.stringify(text)});\nexport const packagedDocument = () => document;\n`,
        loader: 'js',
      };
    });
    // Only the reason phrases are used (problem+json titles): Node's own table, so titles match the HTTP mock.
    bundler.onLoad({ filter: /^http$/, namespace: 'generated' }, () => ({
      contents: `export const STATUS_CODES = ${JSON.stringify(STATUS_CODES)};\n`,
      loader: 'js',
    }));
    for (const [name, contents] of Object.entries(STUBS)) {
      bundler.onResolve({ filter: STUB_FILTERS[name] }, () => ({ path: name, namespace: 'stub' }));
      bundler.onLoad({ filter: new RegExp(`^${name}$`), namespace: 'stub' }, () => ({
        contents,
        loader: 'js',
        resolveDir: ROOT,
      }));
    }
  },
};

const unavailable = (what) =>
  `() => { throw new Error(${JSON.stringify(`${what} is not available in the browser build of kaiten-webhooks-harness`)}); }`;
/** Stand-ins for modules only Node can run, each for a part the mock never uses in the browser. */
const STUBS = {
  // Prism's logger serializes bodies with the forwarder's helper; the mock never forwards.
  forwarder: `import * as E from 'fp-ts/Either';
export const serializeBody = (body) => (typeof body === 'string' ? E.right(body) : E.tryCatch(() => JSON.stringify(body), E.toError));
export const forward = ${unavailable("Prism's forwarder")};`,
  // json-schema-faker resolves external $refs with it; Prism hands it dereferenced schemas.
  refParser: `export default ${unavailable('json-schema-ref-parser')};`,
  // faker only serves json-schema-faker's \`x-faker\` keyword (generated data uses its own generators
  // otherwise), and is most of the bundle (about 720 KiB minified).
  faker: `export default new Proxy({}, { get: ${unavailable("faker (for a spec's x-faker keywords)")} });`,
  // mime-types (through type-is) takes file extensions with path.extname.
  path: `export const extname = (path) => { const match = /[^/](\\.[^./]*)$/.exec(path); return match === null ? '' : match[1]; };`,
};
const STUB_FILTERS = {
  forwarder: /^\.\.\/forwarder$/,
  faker: /^@faker-js\/faker$/,
  refParser: /^json-schema-ref-parser$/,
  path: /^path$/,
};

const result = await build({
  entryPoints: [join(ROOT, 'src', 'msw', 'index.ts')],
  outfile: OUT,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2022'],
  minify: true,
  external: ['msw'],
  // @stoplight/json requires jsonc-parser, whose main build is UMD with a dynamic require() that
  // cannot run in a browser; its ES module build is the same code.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  plugins: [browserTwins],
  metafile: true,
  logLevel: 'warning',
  legalComments: 'none',
});
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(join(ROOT, 'dist', 'browser', 'meta.json'), JSON.stringify(result.metafile));
const bytes = readFileSync(OUT);
process.stdout.write(
  `dist/browser/msw.mjs: ${(bytes.length / 1024).toFixed(0)} KiB minified, ${(gzipSync(bytes).length / 1024).toFixed(0)} KiB gzipped\n`,
);
if (process.env.BUNDLE_ANALYZE === '1') process.stdout.write(await analyzeMetafile(result.metafile));

// msw's own modules import bare names (outvariant, @mswjs/interceptors...), which a page without a
// bundler cannot resolve: one file holds them all. Legal comments kept: it is msw's code.
const msw = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('msw/package.json'), 'utf8'));
await build({
  stdin: {
    contents:
      "export { http, HttpResponse, delay, passthrough, bypass } from 'msw'; export { setupWorker } from 'msw/browser';",
    resolveDir: ROOT,
  },
  outfile: join(ROOT, 'dist', 'browser', 'vendor-msw.mjs'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2022'],
  minify: true,
  banner: {
    js: `// msw ${msw.version} (${msw.license}, https://mswjs.io), bundled into one module by kaiten-webhooks-harness`,
  },
  logLevel: 'warning',
});
copyFileSync(
  join(ROOT, 'node_modules', 'msw', 'lib', 'mockServiceWorker.js'),
  join(ROOT, 'dist', 'browser', 'mockServiceWorker.js'),
);

await build({
  entryPoints: [join(ROOT, 'src', 'values.ts')],
  outfile: join(ROOT, 'dist', 'browser', 'values.mjs'),
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: ['es2022'],
  logLevel: 'warning',
});
