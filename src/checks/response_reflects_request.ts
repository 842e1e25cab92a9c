import { isDeepStrictEqual } from 'node:util';
import { isObject, type Schema } from '../spec/schema';
import type { ExchangeCheck } from './check';
import { documentedSchema, isSuccess } from './responses';

/** Equal, where a set-like array (uniqueItems) may come back in another order. */
function same(sent: unknown, got: unknown, schema: Schema): boolean {
  if (schema.uniqueItems === true && Array.isArray(sent) && Array.isArray(got)) {
    return sent.length === got.length && sent.every((item) => got.some((other) => isDeepStrictEqual(item, other)));
  }
  return isDeepStrictEqual(sent, got);
}

/** A success answer carries back what the request set: each property both share, unless the server owns it (readOnly). */
export const responseReflectsRequest: ExchangeCheck = {
  name: 'response_reflects_request',
  description: 'a 2xx answer carries back the values the request sent (sets may come back in another order)',
  scope: 'exchange',
  appliesTo: (exchange) =>
    isSuccess(exchange.response.status) &&
    isObject(exchange.case.value) &&
    isObject(exchange.response.json) &&
    (documentedSchema(exchange) as Schema | undefined)?.properties !== undefined,
  run: (exchange) => {
    const sent = exchange.case.value as Record<string, unknown>;
    const got = exchange.response.json as Record<string, unknown>;
    const schema = documentedSchema(exchange) as Schema & { properties: Record<string, Schema> };
    const differing = Object.entries(schema.properties)
      .filter(
        ([name, property]) =>
          property.readOnly !== true && Object.hasOwn(sent, name) && !same(sent[name], got[name], property),
      )
      .map(([name]) => name);
    if (differing.length === 0) return undefined;
    return {
      message: differing.map((name) => `${name} came back as ${JSON.stringify(got[name])}`).join('; '),
      expected: differing.map((name) => `${name} = ${JSON.stringify(sent[name])}`).join('; '),
    };
  },
};
