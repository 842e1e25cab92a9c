import type { Schema } from '../cases/schema';
import type { ExchangeCheck } from './check';
import { documentedSchema, isSuccess } from './responses';

type Ordered = Schema & { 'x-not-before'?: string };

/** A timestamp the spec marks `x-not-before: other` is not earlier than `other` (updatedAt and createdAt). */
export const timestampsInOrder: ExchangeCheck = {
  name: 'timestamps_in_order',
  description: 'a timestamp is not earlier than the one the spec says it follows (x-not-before)',
  scope: 'exchange',
  run: (exchange) => {
    const body = exchange.response.json as Record<string, unknown> | undefined;
    const schema = documentedSchema(exchange) as Schema | undefined;
    if (!isSuccess(exchange.response.status) || body === undefined || schema?.properties === undefined) return undefined;
    for (const [name, property] of Object.entries(schema.properties) as [string, Ordered][]) {
      const before = property['x-not-before'];
      if (before === undefined) continue;
      const [later, earlier] = [Date.parse(String(body[name])), Date.parse(String(body[before]))];
      if (Number.isFinite(later) && Number.isFinite(earlier) && later < earlier) {
        return { message: `${name} ${String(body[name])} is before ${before} ${String(body[before])}`, expected: `${name} not before ${before}` };
      }
    }
    return undefined;
  },
};
