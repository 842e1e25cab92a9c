// The layers of ARCHITECTURE.md, enforced by `npm run lint`. Each layer imports only the layers
// below it: spec <- checks <- report <- engine <- traffic <- faces <- contracts <- the composition
// roots (commands, cli.ts, index.ts, values.ts, types.ts), which are not named here and may import
// any layer.
const SPEC = '^src/(spec|platform|generated)/';
const CHECKS = '^src/checks/';
const REPORT = '^src/report/';
const ENGINE = '^src/engine/';
const TRAFFIC = '^src/traffic/';
const FACES = '^src/(mock|msw|proxy|har)/';
const CONTRACTS = '^contracts/';

const below = (...layers) => `(${layers.join('|')})`;
const layer = (name, path, ...allowed) => ({
  name,
  comment: `${name} may import only ${allowed.length === 0 ? 'itself' : 'the layers below it'} (see ARCHITECTURE.md)`,
  severity: 'error',
  from: { path },
  to: { path: '^(src|contracts)/', pathNot: below(path, ...allowed) },
});

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'a cycle makes two modules one; break it by moving what both need down a layer',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    layer('spec-imports-nothing-of-ours', SPEC),
    layer('checks-import-spec', CHECKS, SPEC),
    layer('report-imports-checks', REPORT, SPEC, CHECKS),
    layer('engine-imports-checks-and-report', ENGINE, SPEC, CHECKS, REPORT),
    layer('traffic-imports-the-engine', TRAFFIC, SPEC, CHECKS, REPORT, ENGINE),
    {
      name: 'faces-import-the-engine',
      comment: 'a face (mock, msw, proxy, har) builds on the engine and the traffic judge, never on another face',
      severity: 'error',
      from: { path: '^src/(mock|msw|proxy|har)/' },
      to: {
        path: '^(src|contracts)/',
        pathNot: [below(SPEC, CHECKS, REPORT, ENGINE, TRAFFIC), '^src/$1/'],
      },
    },
    layer('contracts-import-src-below-the-commands', CONTRACTS, SPEC, CHECKS, REPORT, ENGINE, TRAFFIC, FACES),
    {
      name: 'only-composition-roots-import-contracts',
      comment: 'the verify engine is wired in by src/index.ts and the verify command only',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(index\\.ts|commands/verify\\.ts)$' },
      to: { path: CONTRACTS },
    },
    {
      name: 'prism-only-in-its-adapter',
      comment: "Prism's types and fp-ts stay in the adapter; everything else uses the project's model",
      severity: 'error',
      from: { path: '^(src|contracts)/', pathNot: '^src/engine/prism/' },
      to: { path: '^(node_modules/)?(@stoplight/|fp-ts(/|$))' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|reports|test/fixtures)/' },
    includeOnly: '^(src|contracts|node_modules)/',
    tsPreCompilationDeps: true,
    // A worktree's node_modules may be a link to another checkout's: keep the path as written.
    preserveSymlinks: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
