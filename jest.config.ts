import type { Config } from 'jest';

// @swc/jest strips types without checking them; `npm test` type-checks with tsc first.
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/contracts'],
  // *.contract.ts: the contract suite; with no KAITEN_BASE_URL it verifies the mock.
  testMatch: ['**/*.test.ts', '**/*.contract.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};

export default config;
