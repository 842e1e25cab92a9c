import { readFileSync } from 'node:fs';
import { CLI_REFERENCE, cliReference } from '../scripts/cli-reference';

it('docs/reference/cli.md is the commands\' help as they print it (npm run gen:cli-docs)', () => {
  expect(readFileSync(CLI_REFERENCE, 'utf8')).toBe(cliReference());
});
