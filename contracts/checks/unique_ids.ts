import type { Schema } from '../cases/schema';
import type { Failure, RunCheck } from './check';
import { documentedSchema, isSuccess } from './responses';

const isIdentifier = (schema: Schema) => schema.readOnly === true && schema.format !== 'date-time' && schema.format !== 'date' && (schema.type === 'string' || schema.type === 'integer');

/** Server-made identifiers (read-only, not timestamps) are never reused across successful creates. */
export const uniqueIds: RunCheck = {
  name: 'unique_ids',
  description: 'server-assigned identifiers (read-only, not timestamps) are unique across created resources',
  scope: 'run',
  run: (exchanges) => {
    const seen = new Map<string, string>();
    const failures: Failure[] = [];
    for (const exchange of exchanges) {
      const body = exchange.response.json as Record<string, unknown> | undefined;
      const schema = documentedSchema(exchange) as Schema | undefined;
      if (!isSuccess(exchange.response.status) || exchange.case.operation.method !== 'post' || body === undefined || schema?.properties === undefined) continue;
      for (const [name, property] of Object.entries(schema.properties)) {
        if (!isIdentifier(property) || body[name] === undefined) continue;
        const key = `${exchange.case.operation.id}\n${name}\n${JSON.stringify(body[name])}`;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, exchange.case.title);
        else failures.push({ check: 'unique_ids', exchange, message: `${name} ${JSON.stringify(body[name])} was already given to "${first}"`, expected: `a new ${name} for every created resource` });
      }
    }
    return failures;
  },
};
