import type { JsonSchema, ValidateValue } from '../../src/spec/validate';
import type { Random } from './random';
import { accepted, withProperty, writableProperties } from './schema';
import { isObject, typeOf, type Schema } from '../../src/spec/schema';
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
 * Valid bodies derived from the schema: every variant of every property on its own (random
 * combinations are property.ts's). Each is checked against the schema before it becomes a case.
 */
export function validBodies(schema: JsonSchema, base: unknown, random: Random, validate: ValidateValue): Body[] {
  const shape = schema as Schema;
  if (!isObject(base) || shape.properties === undefined) return [];
  const variants = writableProperties(shape, base).map(([name, property, current]) => ({
    name,
    options: propertyVariants(property, current, random),
  }));
  const single = variants.flatMap(({ name, options }) =>
    options.map((option) => ({ title: `${name} ${option.title}`, value: withProperty(base, name, option.value) })),
  );
  return accepted(schema, validate, single);
}
