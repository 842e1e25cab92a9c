import { isDeepStrictEqual } from 'node:util';
import { BODY, valueAtLocation } from '../spec/huma';
import type { ExpectedViolation } from './case';
import type { Exchange } from './exchange';
import type { ExchangeCheck } from './check';
import { statusesExpected } from './responses';
import { reportedViolations } from './violation-list';

/**
 * The values a reported violation may carry: the one Huma shows (the value checked: the parent
 * of a missing property, the object holding an unexpected one, the raw text of malformed JSON),
 * or the value sent at the reported location (the offending value itself).
 */
function acceptedValues(exchange: Exchange, expected: ExpectedViolation): unknown[] {
  const own = valueAtLocation(BODY, exchange.case.value, expected.location);
  return [...('value' in expected ? [expected.value] : []), ...(own === undefined ? [] : [own])];
}

/**
 * For a body with one violation, refused as the contract says: the violation points at the
 * violated place the way the error model does (a missing property at its parent), and a value,
 * where the server gives one (the spec leaves it optional), is one the contract accepts.
 */
export const errorLocation: ExchangeCheck = {
  name: 'error_location',
  description:
    'a one-violation body (malformed JSON included) is refused with one violation at its place (a missing property at its parent) and, when a value is given, an accepted one',
  scope: 'exchange',
  expectation: true,
  appliesTo: (exchange) =>
    exchange.case.violations?.length === 1 &&
    (statusesExpected(exchange) ?? []).includes(exchange.response.status) &&
    reportedViolations(exchange)?.fields.location !== undefined,
  run: (exchange) => {
    const expected = exchange.case.violations![0]!;
    const { fields, items } = reportedViolations(exchange)!;
    const locations = items.map((item) => item[fields.location!]);
    // A server may say one violation in two details (pattern and format of one string): each at the place.
    if (locations.length === 0 || locations.some((location) => location !== expected.location)) {
      return {
        message: `reported at ${locations.map(String).join(', ') || '(nowhere)'}`,
        expected: `one violation at ${expected.location}`,
      };
    }
    const field = fields.value;
    const accepted = acceptedValues(exchange, expected);
    const given =
      field === undefined || accepted.length === 0
        ? []
        : items.filter((item) => Object.hasOwn(item, field)).map((item) => item[field]);
    const wrong = given.filter((value) => !accepted.some((one) => isDeepStrictEqual(one, value)));
    if (wrong.length === 0) return undefined;
    return {
      message: `${field!} is ${wrong.map((value) => JSON.stringify(value)).join(', ')}`,
      expected: `${field!} ${accepted.map((one) => JSON.stringify(one)).join(' or ')}, or no ${field!}`,
    };
  },
};
