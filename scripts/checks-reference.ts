// Writes docs/reference/checks.md from the check registries: verify's answer checks
// (src/checks) and the proxy's request checks (src/proxy). `npm run gen:checks-docs`; a
// test fails when the page drifts from the registries.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKS } from '../src/checks';
import { REQUEST_CHECKS } from '../src/traffic/request-checks';
import { OPERATION_DOCUMENTED } from '../src/traffic/session';
import { PACKAGE_ROOT } from '../src/platform/version';

export const CHECKS_REFERENCE = join(PACKAGE_ROOT, 'docs', 'reference', 'checks.md');

const heading = (name: string, description: string) => `\`FAILED ${name} (N): ${description}\``;

/** The page: one section per check, with what it judges, where it runs and the line a failure prints under. */
export function checksReference(): string {
  const answers = CHECKS.map((check) => {
    const where =
      check.designedCases === true
        ? '`verify` (its Jest suite; the cases it judges are designed for it, so the proxy and `check` leave it out)'
        : '`verify` (both suites), `proxy` and `check`';
    const scope = check.scope === 'run' ? 'across every answer of a run' : 'each answer on its own';
    const expectation =
      check.expectation === true
        ? ' It judges an answer against what the request should get, so an answer refusing credentials a server may know better about is not judged by it in traffic.'
        : '';
    return `### \`${check.name}\`\n\n${check.description[0]!.toUpperCase()}${check.description.slice(1)}: ${scope}.${expectation}\n\n- runs in: ${where}\n- a failure is printed under ${heading(check.name, check.description)}, each with what was sent, what came back, \`wrong:\` (what it found), \`expected:\` and a curl line\n`;
  });
  const requests = [OPERATION_DOCUMENTED, ...REQUEST_CHECKS].map(
    (check) =>
      `### \`${check.name}\`\n\n${check.description[0]!.toUpperCase()}${check.description.slice(1)}.\n\n- runs in: \`proxy\` and \`check\` (the consumer's side)\n- a failure is printed under ${heading(check.name, check.description)}, and as it happens as \`REQUEST ${check.name}: ...\`\n`,
  );
  return [
    '# Checks',
    '',
    '<!-- Generated from the check registries by `npm run gen:checks-docs`: edit the checks, not this page. -->',
    '',
    'Each check is a small named function; its name is what reports show and what `--checks` and',
    '`--exclude-checks` take. A check says which answers it applies to: one that judged nothing is',
    'reported as `not checked` (a `<skipped>` testcase in JUnit), never as passed.',
    '',
    `## Answer checks (the provider's side): ${CHECKS.length}`,
    '',
    ...answers,
    `## Request checks (the consumer's side, live and recorded traffic): ${REQUEST_CHECKS.length + 1}`,
    '',
    ...requests,
  ].join('\n');
}

if (require.main === module) writeFileSync(CHECKS_REFERENCE, checksReference());
