import type { Config } from 'jest';

// msw 2.11+ depends on packages that ship only ES modules: Jest on Node 20 needs them compiled.
const ESM_ONLY = '(rettime|until-async|@open-draft/deferred-promise)';

// @swc/jest strips types without checking them; `npm test` type-checks with tsc first.
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/contracts'],
  // *.contract.ts: the contract suite; with no KAITEN_BASE_URL it verifies the mock.
  testMatch: ['**/*.test.ts', '**/*.contract.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
    [`/node_modules/${ESM_ONLY}/.+\\.m?js$`]: ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!${ESM_ONLY}/)`],
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};

export default config;
