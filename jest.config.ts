import type { Config } from 'jest';

// msw 2.11+ depends on packages that ship only ES modules: Jest on Node 20 needs them compiled.
const ESM_ONLY = '(rettime|until-async|@open-draft/deferred-promise)';

// @swc/jest strips types without checking them; `npm test` type-checks with tsc first.
const shared = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
    [`/node_modules/${ESM_ONLY}/.+\\.m?js$`]: [
      '@swc/jest',
      { jsc: { target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!${ESM_ONLY}/)`],
} satisfies Config;

/**
 * End to end: spawned CLIs, the packed package installed into a project, Chromium. What a user
 * meets; minutes, not seconds. Needs dist/ built (`npm run build`).
 */
const E2E = [
  '<rootDir>/test/package*.test.ts',
  '<rootDir>/test/readme.test.ts',
  '<rootDir>/test/{cli,report,har}/**/*.test.ts',
  '<rootDir>/test/{mock,msw}/browser.test.ts',
  '<rootDir>/test/mock/{control-page,cli,prism-compare}.test.ts',
  '<rootDir>/test/contracts/{dredd,verify-cli,verify-report}.test.ts',
  '<rootDir>/test/proxy/cli.test.ts',
];

// Three tiers (`npm run test:unit`, `test:integration`, `test:e2e`); `npm test` runs them all.
const config: Config = {
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    // Pure functions, with their tests beside the code: seconds.
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/contracts/**/*.test.ts'] },
    // In-process servers on 127.0.0.1, port 0; the contract suite against the mock (*.contract.ts).
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/contracts/**/*.contract.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...E2E.map(toPattern)],
    },
    { ...shared, displayName: 'e2e', testMatch: E2E },
  ],
};

/** A testMatch glob of E2E as a path pattern, to leave those files out of the integration tier. */
function toPattern(glob: string): string {
  return glob
    .replace('<rootDir>', '')
    .replace(/[.+^$()|[\]\\]/g, '\\$&')
    .replace(/\{([^}]+)\}/g, (_, names: string) => `(${names.split(',').join('|')})`)
    .replace(/\*\*\//g, '(.*/)?')
    .replace(/\*/g, '[^/]*');
}

export default config;
