import type { ExchangeCheck } from './check';
import { documentedSchema, answerMediaType } from './responses';

/** The body matches the exact schema documented for its status and media type (Ajv, draft 2020-12, formats). */
export const responseSchemaConformance: ExchangeCheck = {
  name: 'response_schema_conformance',
  description: 'the body matches the schema documented for its status and media type',
  scope: 'exchange',
  appliesTo: (exchange) => documentedSchema(exchange) !== undefined,
  run: (exchange, { validate }) => {
    const schema = documentedSchema(exchange)!;
    const expected = `a body matching the ${exchange.response.status} ${answerMediaType(exchange)} schema`;
    if (exchange.response.json === undefined)
      return { message: exchange.response.text === '' ? 'the body is empty' : 'the body is not JSON', expected };
    const errors = validate(schema, exchange.response.json);
    if (errors.length === 0) return undefined;
    return { message: errors.map((error) => `${error.pointer || '(root)'} ${error.message}`).join('; '), expected };
  },
};
