import type { JsonSchema, ValidateValue } from '../../src/spec/validate';
import { breaksOnly, withProperty, writableProperties } from './schema';
import { isObject, typeOf, type Schema } from '../../src/spec/schema';
import { invalidStrings } from './strings';
import { typeConfusions } from './types';

export interface InvalidBody {
  title: string;
  value: unknown;
  /** The JSON Schema keyword the body breaks, and nothing else. */
  keyword: string;
}

/** Ways to break one property, before they are checked to break exactly one rule. */
function propertyBreakers(name: string, schema: Schema, base: unknown): InvalidBody[] {
  const type = typeOf(schema);
  const found: InvalidBody[] = [];
  if (type !== undefined)
    for (const confusion of typeConfusions(type, base))
      found.push({ title: `${name} is ${confusion.title}`, value: confusion.value, keyword: 'type' });
  if (type === 'string' && typeof base === 'string') {
    for (const broken of invalidStrings(schema, base)) {
      for (const value of broken.values)
        found.push({ title: `${name} ${broken.title}`, value, keyword: broken.keyword });
    }
  }
  if (type === 'array' && Array.isArray(base) && base.length > 0) {
    const items = base as unknown[];
    if (schema.uniqueItems === true)
      found.push({ title: `${name} has a duplicate`, value: [items[0], ...items], keyword: 'uniqueItems' });
    const choices = schema.items?.enum;
    if (choices !== undefined) {
      found.push({
        title: `${name} has a value outside its enum`,
        value: ['NOT_A_DOCUMENTED_VALUE', ...items.slice(1)],
        keyword: 'enum',
      });
      // The first two-digit index: a location written `[10]`, not `[1]` then `0`.
      if (choices.length >= 10)
        found.push({
          title: `${name} has a value outside its enum at index 10`,
          value: [...choices.slice(0, 10), 'NOT_A_DOCUMENTED_VALUE'],
          keyword: 'enum',
        });
    }
  }
  return found;
}

/**
 * Invalid bodies with exactly one violation each, derived from the schema: the body of every
 * other JSON type, each required property missing, each property of every other JSON type
 * (types.ts) and broken in each way its schema allows, unexpected properties (one of made-up
 * name, and the names JavaScript objects hold: `__proto__`, `constructor`, `prototype`). A candidate that breaks more or fewer rules is dropped.
 */
export function invalidBodies(schema: JsonSchema, base: unknown, validate: ValidateValue): InvalidBody[] {
  const shape = schema as Schema;
  if (!isObject(base) || shape.properties === undefined) return [];
  const candidates: InvalidBody[] = [
    ...typeConfusions('object', base).map((confusion) => ({
      title: `body is ${confusion.title}`,
      value: confusion.value,
      keyword: 'type',
    })),
    ...(shape.required ?? []).map((name) => ({
      title: `${name} is missing`,
      value: withProperty(base, name, undefined),
      keyword: 'required',
    })),
    ...writableProperties(shape, base).flatMap(([name, property, current]) =>
      propertyBreakers(name, property, current).map((broken) => ({
        ...broken,
        value: withProperty(base, name, broken.value),
      })),
    ),
  ];
  if (shape.additionalProperties === false) {
    candidates.push({
      title: 'an unexpected property',
      value: withProperty(base, 'unexpectedProperty', 'value'),
      keyword: 'additionalProperties',
    });
    // Names every JavaScript object has: a server that merges the body into an object may take them as its own.
    for (const name of ['__proto__', 'constructor', 'prototype'])
      candidates.push({
        title: `an unexpected property named ${name}`,
        value: withProperty(base, name, { polluted: true }),
        keyword: 'additionalProperties',
      });
  }
  const seen = new Set<string>();
  return candidates.filter((candidate) => {
    if (seen.has(candidate.title) || !breaksOnly(validate(schema, candidate.value), candidate.keyword)) return false;
    seen.add(candidate.title);
    return true;
  });
}
