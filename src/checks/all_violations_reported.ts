import type { ExchangeCheck } from './check';
import { statusFinding } from './expected_status';
import { listDemanded, reportedViolations } from './violation-list';

/** A body breaking several independent rules gets one violation per rule: the count, and the set of locations in any order. */
export const allViolationsReported: ExchangeCheck = {
  name: 'all_violations_reported',
  description:
    'a body breaking several rules at once is refused with one violation per rule (count and locations, in any order)',
  scope: 'exchange',
  designedCases: true,
  appliesTo: (exchange) => exchange.case.aspect === 'several' && exchange.case.violations !== undefined,
  run: (exchange) => {
    const wrongStatus = statusFinding(exchange);
    if (wrongStatus !== undefined) return wrongStatus;
    const expected = exchange.case.violations!;
    const reported = reportedViolations(exchange);
    const want = `${expected.length} violations at ${expected.map((v) => v.location).join(', ')}`;
    // Where the spec leaves the list optional, an answer without one is judged by its status alone.
    if (reported === undefined)
      return listDemanded(exchange) ? { message: 'no list of violations', expected: want } : undefined;
    const field = reported.fields.location;
    const locations = field === undefined ? [] : reported.items.map((item) => String(item[field]));
    const sameSet =
      field === undefined ||
      (new Set(locations).size === new Set(expected.map((v) => v.location)).size &&
        expected.every((v) => locations.includes(v.location)));
    if (reported.items.length === expected.length && sameSet) return undefined;
    return {
      message: `${reported.items.length} violation(s)${field === undefined ? '' : ` at ${locations.join(', ') || '(none)'}`}`,
      expected: want,
    };
  },
};
