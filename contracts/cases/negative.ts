import type { JsonSchema, ValidateValue } from '../../src/spec/validate';
import { breaksOnly, isObject, typeOf, withProperty, writableProperties, type Schema } from './schema';
import { invalidStrings } from './strings';

export interface InvalidBody {
  title: string;
  value: unknown;
  /** The JSON Schema keyword the body breaks, and nothing else. */
  keyword: string;
}

const WRONG_TYPE: Record<string, unknown> = { string: 12345, integer: 'text', number: 'text', boolean: 'text', array: 'text', object: 'text' };

/** Ways to break one property, before they are checked to break exactly one rule. */
function propertyBreakers(name: string, schema: Schema, base: unknown): InvalidBody[] {
  const type = typeOf(schema);
  const found: InvalidBody[] = [];
  if (type !== undefined && type in WRONG_TYPE) found.push({ title: `${name} is not ${type === 'array' || type === 'object' ? 'an' : 'a'} ${type}`, value: WRONG_TYPE[type], keyword: 'type' });
  if (type === 'string' && typeof base === 'string') {
    for (const broken of invalidStrings(schema, base)) {
      for (const value of broken.values) found.push({ title: `${name} ${broken.title}`, value, keyword: broken.keyword });
    }
  }
  if (type === 'array' && Array.isArray(base) && base.length > 0) {
    const items = base as unknown[];
    if (schema.uniqueItems === true) found.push({ title: `${name} has a duplicate`, value: [items[0], ...items], keyword: 'uniqueItems' });
    if (schema.items?.enum !== undefined) found.push({ title: `${name} has a value outside its enum`, value: ['NOT_A_DOCUMENTED_VALUE', ...items.slice(1)], keyword: 'enum' });
  }
  return found;
}

/**
 * Invalid bodies with exactly one violation each, derived from the schema: the body not an
 * object, each required property missing, each property broken in each way its schema allows,
 * an unexpected property. A candidate that breaks more or fewer rules is dropped.
 */
export function invalidBodies(schema: JsonSchema, base: unknown, validate: ValidateValue): InvalidBody[] {
  const shape = schema as Schema;
  if (!isObject(base) || shape.properties === undefined) return [];
  const candidates: InvalidBody[] = [
    { title: 'body is an array', value: [base], keyword: 'type' },
    { title: 'body is a string', value: 'text', keyword: 'type' },
    { title: 'body is a number', value: 42, keyword: 'type' },
    ...(shape.required ?? []).map((name) => ({ title: `${name} is missing`, value: withProperty(base, name, undefined), keyword: 'required' })),
    ...writableProperties(shape, base).flatMap(([name, property, current]) =>
      propertyBreakers(name, property, current).map((broken) => ({ ...broken, value: withProperty(base, name, broken.value) })),
    ),
  ];
  if (shape.additionalProperties === false) candidates.push({ title: 'an unexpected property', value: { ...base, unexpectedProperty: 'value' }, keyword: 'additionalProperties' });
  const seen = new Set<string>();
  return candidates.filter((candidate) => {
    if (seen.has(candidate.title) || !breaksOnly(validate(schema, candidate.value), candidate.keyword)) return false;
    seen.add(candidate.title);
    return true;
  });
}
