import type { Schema } from '../spec/schema';
import type { Exchange } from './exchange';
import type { Failure, RunCheck } from './check';
import { documentedProperties, isSuccess } from './responses';

const isIdentifier = (schema: Schema) =>
  schema.readOnly === true &&
  schema.format !== 'date-time' &&
  schema.format !== 'date' &&
  (schema.type === 'string' || schema.type === 'integer');

/** The server-made identifiers a created resource carries: read-only, not timestamps, present in the body. */
function identifiersOf(exchange: Exchange): [string, unknown][] {
  const body = exchange.response.json as Record<string, unknown> | undefined;
  if (
    !isSuccess(exchange.response.status) ||
    exchange.case.operation.method !== 'post' ||
    typeof body !== 'object' ||
    body === null
  )
    return [];
  const found: [string, unknown][] = [];
  for (const [name] of documentedProperties(exchange, isIdentifier))
    if (body[name] !== undefined) found.push([name, body[name]]);
  return found;
}

/** Server-made identifiers (read-only, not timestamps) are never reused across successful creates. */
export const uniqueIds: RunCheck = {
  name: 'unique_ids',
  description: 'server-assigned identifiers (read-only, not timestamps) are unique across created resources',
  scope: 'run',
  appliesTo: (exchange) => identifiersOf(exchange).length > 0,
  run: (exchanges) => {
    const seen = new Map<string, string>();
    const failures: Failure[] = [];
    for (const exchange of exchanges) {
      for (const [name, value] of identifiersOf(exchange)) {
        const key = `${exchange.case.operation.id}\n${name}\n${JSON.stringify(value)}`;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, exchange.case.title);
        else
          failures.push({
            check: 'unique_ids',
            exchange,
            message: `${name} ${JSON.stringify(value)} was already given to "${first}"`,
            expected: `a new ${name} for every created resource`,
          });
      }
    }
    return failures;
  },
};
