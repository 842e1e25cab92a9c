import type { JsonSchema, ValidateValue } from '../../src/spec/validate';
import { formatMisses } from './format-misses';
import { patternMisses } from './pattern-misses';
import { breaksOnly, withProperty, writableProperties } from './schema';
import { isObject, typeOf, type Json, type Schema } from '../../src/spec/schema';

/** A value one small, realistic mutation away from a valid one, which a lenient server accepts. */
export interface NearMiss {
  title: string;
  value: unknown;
}

type Mutation = { title: string; value: string };

/** Near misses of a valid enum value: another case, surrounding whitespace, a prefix or a suffix. */
function enumMutations(valid: string): Mutation[] {
  return [
    { title: 'in lower case', value: valid.toLowerCase() },
    { title: 'in upper case', value: valid.toUpperCase() },
    { title: 'with a trailing space', value: `${valid} ` },
    { title: 'with a leading space', value: ` ${valid}` },
    { title: 'with a prefix', value: `X_${valid}` },
    { title: 'with a suffix', value: `${valid}S` },
  ];
}

/** Near misses of a valid formatted or patterned string (URL, date, id). */
function stringMutations(valid: string): Mutation[] {
  const middle = Math.ceil(valid.length / 2);
  const letter = /[a-z]/i.exec(valid.slice(middle));
  const at = letter === null ? middle : middle + letter.index;
  return [
    { title: 'with a leading space', value: ` ${valid}` },
    { title: 'with a trailing space', value: `${valid} ` },
    { title: 'with an inner space', value: `${valid.slice(0, at)} ${valid.slice(at)}` },
    { title: 'with a non-ASCII letter', value: `${valid.slice(0, at)}é${valid.slice(at + 1)}` },
    {
      title: 'with its scheme in upper case',
      value: valid.replace(/^([a-z][a-z0-9+.-]*):/, (scheme) => scheme.toUpperCase()),
    },
    { title: 'with a control character', value: `${valid.slice(0, at)}\u0007${valid.slice(at)}` },
    { title: 'with a newline at the end', value: `${valid}\n` },
  ];
}

/** Mutations of one property's valid value, each as the property's new value. */
function mutationsOf(schema: Schema, current: unknown): Mutation[] {
  const type = typeOf(schema);
  if (type === 'string' && typeof current === 'string') {
    if (schema.enum !== undefined) return enumMutations(current);
    if (schema.format !== undefined || schema.pattern !== undefined) return stringMutations(current);
  }
  return [];
}

/**
 * Strings one step outside the property's pattern (pattern-misses.ts) and its format
 * (format-misses.ts), from their structure: each must break that one keyword alone.
 */
function structuralMutations(schema: Schema, current: unknown): (Mutation & { keyword: string })[] {
  if (typeOf(schema) !== 'string') return [];
  const pattern =
    schema.pattern === undefined ? [] : patternMisses(schema.pattern).map((miss) => ({ ...miss, keyword: 'pattern' }));
  const format =
    schema.format === undefined || typeof current !== 'string'
      ? []
      : formatMisses(schema.format, current).map((miss) => ({ ...miss, keyword: 'format' }));
  return [...pattern, ...format];
}

type Candidate = { pointer: string; title: string; value: unknown; keyword?: string };

/** One property's near misses as bodies: for an array of values, of its first item. */
function candidatesFor(base: Json, name: string, property: Schema, current: unknown): Candidate[] {
  if (typeOf(property) === 'array' && property.items !== undefined && Array.isArray(current) && current.length > 0) {
    const items = current as unknown[];
    return [...mutationsOf(property.items, items[0]), ...structuralMutations(property.items, items[0])].map((m) => ({
      ...m,
      pointer: `/${name}/0`,
      title: `${name}[0] ${m.title}`,
      value: withProperty(base, name, [m.value, ...items.slice(1)]),
    }));
  }
  return [...mutationsOf(property, current), ...structuralMutations(property, current)].map((m) => ({
    ...m,
    pointer: `/${name}`,
    title: `${name} ${m.title}`,
    value: withProperty(base, name, m.value),
  }));
}

/**
 * Invalid bodies one small mutation away from valid ones, for every string property with an
 * enum, a format or a pattern (and the first item of an array of them), and one step outside
 * each pattern's and each format's structure. Each is checked with the schema to be invalid at that one place and
 * nowhere else (a pattern's or a format's near miss: breaking that keyword and nothing else).
 */
export function nearMisses(schema: JsonSchema, base: unknown, validate: ValidateValue): NearMiss[] {
  const shape = schema as Schema;
  if (!isObject(base) || shape.properties === undefined) return [];
  const candidates = writableProperties(shape, base).flatMap(([name, property, current]) =>
    candidatesFor(base, name, property, current),
  );
  const seen = new Set<string>();
  return candidates.flatMap(({ pointer, title, value, keyword }) => {
    const errors = validate(schema, value);
    const key = JSON.stringify(value);
    const breaks =
      keyword === undefined
        ? errors.length > 0 && errors.every((error) => error.pointer === pointer)
        : breaksOnly(errors, keyword) && errors[0]!.pointer === pointer;
    if (!breaks || seen.has(key)) return [];
    seen.add(key);
    return [{ title, value }];
  });
}
