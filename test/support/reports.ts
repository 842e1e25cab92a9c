import type { Report, ReportedFailure } from '../../src/report/report';

/** A failure of `check` as a report holds it, numbered `n`. */
export const failure = (check: string, n: number): ReportedFailure => ({
  check,
  case: `case ${n}`,
  caseId: `id-${check}-${n}`,
  operation: 'POST /things',
  request: {
    method: 'POST',
    url: 'http://127.0.0.1:9/things',
    headers: { authorization: 'Bearer $KAITEN_TOKEN' },
    body: '{}',
  },
  response: { status: 200, contentType: 'application/json', body: '{"ok":true}' },
  message: 'answered 200',
  expected: '201',
  curl: `curl -sS -i -X POST 'http://127.0.0.1:9/things' -H "authorization: Bearer $KAITEN_TOKEN" --data-binary '{}'`,
});

export function report(failures: ReportedFailure[], suite = 'contract (jest)'): Report {
  const names = ['status_code_conformance', 'expected_status', 'unique_ids'];
  return {
    suite,
    target: 'http://127.0.0.1:9',
    spec: 'spec.yaml',
    seed: 42,
    clockSkewMs: 300_000,
    cases: 10,
    answered: 10,
    durationMs: 1800,
    checks: names.map((name) => {
      const count = failures.filter((f) => f.check === name).length;
      return {
        name,
        description: `${name} holds`,
        status: count > 0 ? 'failed' : 'passed',
        judged: 10,
        failures: count,
        seconds: 0,
      };
    }),
    failures,
    errors: [],
    coverage: [],
  };
}
