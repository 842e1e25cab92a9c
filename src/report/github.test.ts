import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { failure, report } from '../../test/support/reports';
import { githubAnnotations, writeGithubOutputs } from './github';

const reports = () => {
  const odd = {
    ...failure('expected_status', 1),
    case: 'url with a comma, a colon: and 100%',
    message: 'answered\n201',
  };
  return [report([odd, failure('unique_ids', 2)])];
};

describe('GitHub Actions outputs', () => {
  it('one ::error command per failure, titled with the check, its message on one line and escaped', () => {
    expect(githubAnnotations(reports())).toEqual([
      '::error title=expected_status (jest)::POST /things: url with a comma, a colon: and 100%25: answered 201; expected 201',
      '::error title=unique_ids (jest)::POST /things: case 2: answered 200; expected 201',
    ]);
  });

  it('nothing at all unless GITHUB_ACTIONS=true', () => {
    const out: string[] = [];
    expect(
      writeGithubOutputs(
        reports(),
        'verify: FAILED; exit 1',
        'title',
        { GITHUB_STEP_SUMMARY: join(tmpdir(), 'never-written.md') },
        (text) => out.push(text),
      ),
    ).toBeUndefined();
    expect(out).toEqual([]);
  });

  it('appends a Markdown summary to $GITHUB_STEP_SUMMARY: the verdict, the checks, the first failures with their curl', () => {
    const summary = join(mkdtempSync(join(tmpdir(), 'kaiten-gh-')), 'summary.md');
    const out: string[] = [];
    const env = { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary };
    writeGithubOutputs(
      reports(),
      'verify: FAILED, 2 failure(s); exit 1',
      'kaiten-webhooks verify: http://x',
      env,
      (text) => out.push(text),
    );
    writeGithubOutputs(reports(), 'verify: FAILED, 2 failure(s); exit 1', 'second step', env, () => undefined);
    expect(out.join('')).toMatch(/^::error title=expected_status/);
    const markdown = readFileSync(summary, 'utf8');
    expect(markdown).toMatch(
      /^## kaiten-webhooks verify: http:\/\/x\n\n\*\*verify: FAILED, 2 failure\(s\); exit 1\*\*\n/,
    );
    expect(markdown).toContain('| **FAILED** | `expected_status` | 10 | 1 |');
    expect(markdown).toContain('### First failures (2 of 2)');
    expect(markdown).toContain("  curl -sS -i -X POST 'http://127.0.0.1:9/things'");
    expect(markdown).toContain('## second step'); // appended, as each step's summary is
  });

  it('says why when the summary file cannot be written', () => {
    const why = writeGithubOutputs(
      reports(),
      'v',
      't',
      { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: '/nonexistent/dir/summary.md' },
      () => undefined,
    );
    expect(why).toMatch(/^cannot append the job summary to \/nonexistent\/dir\/summary\.md: ENOENT/);
  });
});
