import { rememberedFor } from '../spec/remember';
import type { Schema } from '../spec/schema';
import type { Exchange } from './exchange';
import { documentedSchema, answerMediaType } from './responses';
import { documentedResponse } from '../spec/documented';
import { PROBLEM_JSON } from '../spec/http';

/** Where the error model keeps its violations: the list property, and in each item the fields the spec marks `x-violation: location` and `x-violation: value`. */
export interface ViolationFields {
  list: string;
  location?: string;
  value?: string;
}

type Marked = Schema & { 'x-violation'?: string };

/** The problem schema's list of violations: its array property whose items are objects (Huma's `errors`). */
export function violationFields(schema: Schema | undefined): ViolationFields | undefined {
  return schema === undefined ? undefined : fieldsOf(schema);
}

// Asked of every problem answer: worked out once per schema.
const fieldsOf = rememberedFor((schema: Schema): ViolationFields | undefined => {
  const found = Object.entries(schema.properties ?? {}).find(
    ([, property]) => property.type === 'array' && property.items?.properties !== undefined,
  );
  if (found === undefined) return undefined;
  const [list, property] = found;
  const marked = (role: string) =>
    Object.entries((property.items!.properties ?? {}) as Record<string, Marked>).find(
      ([, item]) => item['x-violation'] === role,
    )?.[0];
  const location = marked('location');
  const value = marked('value');
  return { list, ...(location === undefined ? {} : { location }), ...(value === undefined ? {} : { value }) };
});

/** The violations a problem answer reports, with the fields to read them by; undefined when the answer is not such a problem. */
export function reportedViolations(
  exchange: Exchange,
): { fields: ViolationFields; items: Record<string, unknown>[] } | undefined {
  if (answerMediaType(exchange) !== PROBLEM_JSON) return undefined;
  const fields = violationFields(documentedSchema(exchange));
  const listed = (exchange.response.json as Record<string, unknown> | undefined)?.[fields?.list ?? ''];
  if (fields === undefined || !Array.isArray(listed)) return undefined;
  return {
    fields,
    items: listed.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null),
  };
}

/**
 * Whether the answer must list the case's violations: the spec marks the documented response
 * `x-violations: listed` and the case has violations to list. Elsewhere the list is optional.
 */
export function listDemanded(exchange: Exchange): boolean {
  const response = documentedResponse(exchange.case.operation, exchange.response.status) as
    { 'x-violations'?: unknown } | undefined;
  return response?.['x-violations'] === 'listed' && (exchange.case.violations?.length ?? 0) > 0;
}
