import { CHECKS } from '.';
import { checkNames, leftOutNote, selectChecks, UnknownCheckError } from './select';

const names = (checks: readonly { name: string }[]) => checks.map((check) => check.name);

describe('choosing checks (--checks, --exclude-checks)', () => {
  it('keeps only the named checks, in the registry order, or all but the excluded ones', () => {
    expect(names(selectChecks(CHECKS, { checks: ['error_location', 'expected_status'] }))).toEqual([
      'expected_status',
      'error_location',
    ]);
    const all = selectChecks(CHECKS, { excludeChecks: ['auth_forms_accepted'] });
    expect(names(all)).toEqual(names(CHECKS).filter((name) => name !== 'auth_forms_accepted'));
    expect(leftOutNote(CHECKS, all)).toEqual(['checks left out (--checks, --exclude-checks): auth_forms_accepted']);
    expect(leftOutNote(CHECKS, selectChecks(CHECKS, {}))).toEqual([]);
  });

  it('refuses a name no check has, listing the known ones', () => {
    expect(() => selectChecks(CHECKS, { excludeChecks: ['boundaries', 'nope'] })).toThrow(UnknownCheckError);
    expect(() => selectChecks(CHECKS, { checks: ['nope'] })).toThrow(
      `--checks: no check named "nope"; the checks are ${names(CHECKS).join(', ')}`,
    );
  });

  it('reads a comma-separated list, spaces and empty items aside', () => {
    expect(checkNames(' a, b,,c ')).toEqual(['a', 'b', 'c']);
  });
});
