import type { Schema } from '../spec/schema';
import type { Exchange } from './exchange';
import type { ExchangeCheck } from './check';
import { documentedProperties, isSuccess } from './responses';

type Ordered = Schema & { 'x-not-before'?: string };

const followsAnother = (property: Schema) => (property as Ordered)['x-not-before'] !== undefined;

/** The properties of a success answer's schema that must not be earlier than another (`x-not-before`). */
function orderedProperties(exchange: Exchange): [string, string][] {
  if (!isSuccess(exchange.response.status) || exchange.response.json === undefined) return [];
  return documentedProperties(exchange, followsAnother).map(([name, property]) => [
    name,
    (property as Ordered)['x-not-before']!,
  ]);
}

/** A timestamp the spec marks `x-not-before: other` is not earlier than `other` (updatedAt and createdAt). */
export const timestampsInOrder: ExchangeCheck = {
  name: 'timestamps_in_order',
  description: 'a timestamp is not earlier than the one the spec says it follows (x-not-before)',
  scope: 'exchange',
  appliesTo: (exchange) => orderedProperties(exchange).length > 0,
  run: (exchange) => {
    const body = exchange.response.json as Record<string, unknown>;
    for (const [name, before] of orderedProperties(exchange)) {
      const [later, earlier] = [Date.parse(String(body[name])), Date.parse(String(body[before]))];
      if (Number.isFinite(later) && Number.isFinite(earlier) && later < earlier) {
        return {
          message: `${name} ${String(body[name])} is before ${before} ${String(body[before])}`,
          expected: `${name} not before ${before}`,
        };
      }
    }
    return undefined;
  },
};
