import { readFileSync } from 'node:fs';
import { CHECKS_REFERENCE, checksReference } from '../scripts/checks-reference';
import { CLI_REFERENCE, cliReference } from '../scripts/cli-reference';

it("docs/reference/cli.md is the commands' help as they print it (npm run gen:cli-docs)", () => {
  expect(readFileSync(CLI_REFERENCE, 'utf8')).toBe(cliReference());
});

it('docs/reference/checks.md has one section per registered check (npm run gen:checks-docs)', () => {
  expect(readFileSync(CHECKS_REFERENCE, 'utf8')).toBe(checksReference());
});
