import { isDeepStrictEqual } from 'node:util';
import type { ExchangeCheck } from './check';
import { statusesExpected } from './responses';
import { reportedViolations } from './violation-list';

/**
 * For a body with one violation, refused as the contract says: the violation points at the
 * violated place the way the error model does (a missing property at its parent), and carries
 * the offending value where the model has one.
 */
export const errorLocation: ExchangeCheck = {
  name: 'error_location',
  description: 'a one-violation body is refused with the violation at its place (a missing property at its parent) and the offending value',
  scope: 'exchange',
  expectation: true,
  appliesTo: (exchange) =>
    exchange.case.violations?.length === 1 && (statusesExpected(exchange) ?? []).includes(exchange.response.status) && reportedViolations(exchange)?.fields.location !== undefined,
  run: (exchange) => {
    const [expected] = exchange.case.violations!;
    const { fields, items } = reportedViolations(exchange)!;
    const locations = items.map((item) => item[fields.location!]);
    if (locations.length === 0 || locations.some((location) => location !== expected!.location)) {
      return { message: `reported at ${locations.map(String).join(', ') || '(nowhere)'}`, expected: `one violation at ${expected!.location}` };
    }
    if (fields.value === undefined || !('value' in expected!)) return undefined;
    const values = items.map((item) => item[fields.value!]);
    if (values.every((value) => isDeepStrictEqual(value, expected.value))) return undefined;
    return { message: `${fields.value} is ${values.map((value) => JSON.stringify(value) ?? 'missing').join(', ')}`, expected: `${fields.value} ${JSON.stringify(expected.value)}, the offending value` };
  },
};
