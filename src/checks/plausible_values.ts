import type { Schema } from '../spec/schema';
import type { Exchange } from './exchange';
import type { ExchangeCheck } from './check';
import { documentedProperties, isSuccess } from './responses';

const isReadOnly = (property: Schema) => property.readOnly === true;

/** The server-made (read-only) properties of a success answer, with their schemas. */
function serverMade(exchange: Exchange): [string, Schema, unknown][] {
  const body = exchange.response.json as Record<string, unknown> | undefined;
  if (!isSuccess(exchange.response.status) || typeof body !== 'object' || body === null) return [];
  const made: [string, Schema, unknown][] = [];
  for (const [name, property] of documentedProperties(exchange, isReadOnly))
    if (typeof body[name] === 'string') made.push([name, property, body[name]]);
  return made;
}

/** A success answer to a POST made its resource now: its server-made times must be near the request. */
const creates = (exchange: Exchange) => exchange.case.operation.method === 'post';

/**
 * Server-made values are plausible, not merely well-formed: in what a POST created, a read-only
 * `date-time` is within the clock skew of when the request was sent (not a zero or epoch time);
 * a read-only string id is never blank.
 */
export const plausibleValues: ExchangeCheck = {
  name: 'plausible_values',
  description:
    'server-made values are plausible: read-only times of a created resource near the request (within the clock skew), read-only ids not blank',
  scope: 'exchange',
  appliesTo: (exchange) =>
    serverMade(exchange).some(
      ([, schema]) => schema.format === undefined || (schema.format === 'date-time' && creates(exchange)),
    ),
  run: (exchange, { clockSkewMs }) => {
    for (const [name, schema, value] of serverMade(exchange)) {
      const text = value as string;
      if (schema.format === 'date-time' && creates(exchange)) {
        const off = Date.parse(text) - exchange.sentAt;
        if (Number.isFinite(off) && Math.abs(off) > clockSkewMs) {
          return {
            message: `${name} ${text} is ${Math.round(Math.abs(off) / 1000)} s ${off < 0 ? 'before' : 'after'} the request was sent`,
            expected: `${name} within ${clockSkewMs / 1000} s of the request (--clock-skew)`,
          };
        }
      } else if (schema.format === undefined && text.trim() === '') {
        return { message: `${name} is ${JSON.stringify(text)}`, expected: `a ${name} that is not blank` };
      }
    }
    return undefined;
  },
};
