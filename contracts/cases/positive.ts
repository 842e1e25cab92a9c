import type { JsonSchema, ValidateValue } from '../../src/spec/validate';
import type { Random } from './random';
import { accepted, isObject, sampleOf, typeOf, withProperty, type Json, type Schema } from './schema';
import { validStrings } from './strings';

export interface Body {
  title: string;
  value: unknown;
}

/** Valid values for one property, each named: the shapes and limits a real client may send. */
function propertyVariants(schema: Schema, base: unknown, random: Random): Body[] {
  const type = typeOf(schema);
  if (type === 'string' && typeof base === 'string') return validStrings(schema, base);
  const choices = schema.items?.enum;
  if (type === 'array' && choices !== undefined && choices.length > 0) {
    const most = Math.min(choices.length, schema.maxItems ?? choices.length);
    const some = random.shuffle(choices).slice(0, 1 + random.int(most));
    return [
      { title: 'with one item', value: [choices[0]] },
      { title: `with ${most} items`, value: choices.slice(0, most) },
      { title: `with ${some.length} items in another order`, value: some },
    ];
  }
  return [];
}

/**
 * Seeded valid bodies derived from the schema: every variant of every property on its own, then
 * `extra` random combinations. Each is checked against the schema before it becomes a case.
 */
export function validBodies(schema: JsonSchema, base: unknown, random: Random, extra: number, validate: ValidateValue): Body[] {
  const shape = schema as Schema;
  if (!isObject(base) || shape.properties === undefined) return [];
  const variants = Object.entries(shape.properties)
    .filter(([, property]) => property.readOnly !== true)
    .map(([name, property]) => ({ name, options: propertyVariants(property, base[name] ?? sampleOf(property), random) }));
  const single = variants.flatMap(({ name, options }) => options.map((option) => ({ title: `${name} ${option.title}`, value: withProperty(base, name, option.value) })));
  const combined = Array.from({ length: extra }, (_, i) => {
    const value: Json = { ...base };
    for (const { name, options } of variants) if (options.length > 0) value[name] = random.pick(options).value;
    return { title: `random valid body #${i + 1}`, value };
  });
  return accepted(schema, validate, [...single, ...combined]);
}
