import { sample } from 'openapi-sampler';
import type { JSONSchema7 } from 'json-schema';
import type { JsonSchema, SchemaViolation, ValidateValue } from '../../src/spec/validate';
import type { Json, Schema } from '../../src/spec/schema';

/** A valid value for a schema: its first example, else a sample (openapi-sampler). */
export function sampleOf(schema: Schema): unknown {
  if (schema.examples !== undefined && schema.examples.length > 0) return structuredClone(schema.examples[0]);
  return sample(schema as JSONSchema7, { skipReadOnly: true, quiet: true });
}

/** The properties a client sends (not read-only), each with its value in `base`, or a sample where `base` has none. */
export function writableProperties(schema: Schema, base: Json): [name: string, property: Schema, current: unknown][] {
  return Object.entries(schema.properties ?? {})
    .filter(([, property]) => property.readOnly !== true)
    .map(([name, property]) => [name, property, base[name] ?? sampleOf(property)]);
}

/** A value with one property replaced (or removed when `value` is undefined); always an own property, `__proto__` included. */
export function withProperty(base: Json, name: string, value: unknown): Json {
  const copy: Json = { ...base };
  if (value === undefined) delete copy[name];
  else Object.defineProperty(copy, name, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Keeps candidates the schema accepts: generated valid data is checked, never assumed. */
export function accepted<T extends { value: unknown }>(
  schema: JsonSchema,
  validate: ValidateValue,
  candidates: T[],
): T[] {
  return candidates.filter((candidate) => validate(schema, candidate.value).length === 0);
}

/** Exactly one violation, of the keyword the candidate was made to break. */
export function breaksOnly(errors: SchemaViolation[], keyword: string): boolean {
  return errors.length === 1 && errors[0]!.keyword === keyword;
}
