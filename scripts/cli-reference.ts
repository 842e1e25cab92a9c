// Writes docs/reference/cli.md from the one source of the flags: each command's --help text
// (src/commands/usage.ts). `npm run gen:cli-docs`; a test fails when the page drifts from it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECK_USAGE, CLI_USAGE, MOCK_USAGE, PROXY_USAGE, VERIFY_USAGE } from '../src/commands/usage';
import { PACKAGE_ROOT } from '../src/platform/version';

export const CLI_REFERENCE = join(PACKAGE_ROOT, 'docs', 'reference', 'cli.md');

const COMMANDS = [
  ['kaiten-webhooks', CLI_USAGE],
  ['kaiten-webhooks mock', MOCK_USAGE],
  ['kaiten-webhooks verify', VERIFY_USAGE],
  ['kaiten-webhooks proxy', PROXY_USAGE],
  ['kaiten-webhooks check', CHECK_USAGE],
] as const;

/** The page: each command's help as it prints it. */
export function cliReference(): string {
  const sections = COMMANDS.map(([name, usage]) => `## \`${name}\`\n\n\`\`\`text\n${usage.trimEnd()}\n\`\`\`\n`);
  return `# Command line\n\n<!-- Generated from src/commands/usage.ts by \`npm run gen:cli-docs\`: edit the help texts, not this page. -->\n\nEvery command prints this with \`--help\`.\n\n${sections.join('\n')}`;
}

if (require.main === module) writeFileSync(CLI_REFERENCE, cliReference());
