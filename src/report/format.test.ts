import { formatRun } from './format';
import { failure, report } from '../../test/support/reports';

describe('formatRun', () => {
  it('puts the summary first on a red run: verdict, failing checks with counts across suites, how to replay; the verdict again last', () => {
    const reports = [
      report([failure('expected_status', 1), failure('expected_status', 2), failure('unique_ids', 3)]),
      report([failure('expected_status', 4)], 'contract (dredd)'),
    ];
    const lines = formatRun(reports).split('\n');
    expect(lines[0]).toMatch(/^verify: FAILED, 4 failure\(s\) in 2 check\(s\) .*; exit 1$/);
    expect(lines[1]).toBe('  failing checks: expected_status (3), unique_ids (1)');
    expect(lines[2]).toBe(
      '  to replay: export KAITEN_TOKEN (and KAITEN_FORBIDDEN_TOKEN), then run the "reproduce:" curl line of a failure below (--seed 42 sends the same cases again)',
    );
    expect(lines.at(-1)).toBe(lines[0]);
    expect(lines.indexOf('FAILED expected_status (2): expected_status holds')).toBeGreaterThan(2);
  });

  it('says how long the run lasted without reading as a latency', () => {
    expect(formatRun([report([])])).toContain('  10 cases, 10 answered; the run lasted 1.8 s');
  });

  it('prints no summary when nothing failed: one verdict line, last', () => {
    const text = formatRun([report([])]);
    expect(text.match(/^verify: /gm)).toHaveLength(1);
    expect(text.split('\n').at(-1)).toMatch(/^verify: PASSED/);
  });
});
