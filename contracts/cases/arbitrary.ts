import fc from 'fast-check';
import type { JsonSchema, ValidateValue } from '../../src/spec/validate';
import { sampleOf, writableProperties } from './schema';
import { isObject, typeOf, type Schema } from '../../src/spec/schema';
import { validStrings } from './strings';

type NumberSchema = Schema & { minimum?: number; maximum?: number };

/** Longest generated free string or array: enough to find bugs, short enough to read. */
const MOST = 12;

/** Values for one schema, shrinking towards the first valid value the spec gives (`base`). */
function valuesOf(schema: Schema, base: unknown): fc.Arbitrary<unknown> {
  const type = typeOf(schema);
  if (schema.enum !== undefined && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  if (type === 'string') {
    // A format or pattern cannot be generated freely: draw from the valid shapes derived from the spec's value.
    if ((schema.format !== undefined || schema.pattern !== undefined) && typeof base === 'string')
      return fc.constantFrom(base, ...validStrings(schema, base).map((v) => v.value));
    return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? MOST, MOST) });
  }
  if (type === 'integer' || type === 'number') {
    const { minimum = -1_000_000, maximum = 1_000_000 } = schema as NumberSchema;
    return type === 'integer'
      ? fc.integer({ min: minimum, max: maximum })
      : fc.double({ min: minimum, max: maximum, noNaN: true, noDefaultInfinity: true });
  }
  if (type === 'boolean') return fc.boolean();
  if (type === 'array' && schema.items !== undefined) {
    const items = valuesOf(schema.items, Array.isArray(base) ? base[0] : sampleOf(schema.items));
    const limits = {
      minLength: schema.minItems ?? 0,
      maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? MOST, MOST)),
    };
    return schema.uniqueItems === true
      ? fc.uniqueArray(items, { ...limits, comparator: 'IsStrictlyEqual' })
      : fc.array(items, limits);
  }
  if (type === 'object' && schema.properties !== undefined) return objectOf(schema, isObject(base) ? base : {});
  return fc.constant(base ?? sampleOf(schema));
}

function objectOf(schema: Schema, base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const model = Object.fromEntries(
    writableProperties(schema, base).map(([name, property, current]) => [name, valuesOf(property, current)]),
  );
  const required = (schema.required ?? []).filter((name) => name in model);
  return fc.record(model, { requiredKeys: required });
}

/**
 * Valid bodies for a schema as a fast-check arbitrary: derived from the schema (enums, lengths,
 * items, bounds; formats and patterns drawn from the spec's own valid values), kept only when
 * the schema accepts them, and shrinking towards small, simple bodies when one fails.
 */
export function validBodiesOf(schema: JsonSchema, base: unknown, validate: ValidateValue): fc.Arbitrary<unknown> {
  return valuesOf(schema as Schema, base).filter((value) => validate(schema, value).length === 0);
}
