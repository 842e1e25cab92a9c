import type { JsonSchema, ValidateValue } from '../../src/spec/validate';
import { padTo } from './strings';
import { breaksOnly, sampleOf, withProperty, writableProperties } from './schema';
import { isObject, typeOf, type Schema } from '../../src/spec/schema';

/** A value at one side of a limit: `inside` must be accepted, the other must be refused for breaking `keyword`. */
export interface Boundary {
  title: string;
  value: unknown;
  inside: boolean;
  keyword: string;
}

type NumberSchema = Schema & {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
};

/** `count` items for an array: distinct enum values where items must be unique, else the base items repeated. */
function itemsFor(schema: Schema, base: unknown[], count: number): unknown[] | undefined {
  const pool =
    schema.uniqueItems === true ? (schema.items?.enum ?? []) : base.length > 0 ? base : [sampleOf(schema.items ?? {})];
  if (schema.uniqueItems === true && pool.length < count) return undefined;
  return Array.from({ length: count }, (_, i) => pool[i % pool.length]);
}

const characters = (count: number) => `${count} character${count === 1 ? '' : 's'}`;

function stringSides(schema: Schema, base: string, uri: boolean): Boundary[] {
  const sides: Boundary[] = [];
  if (schema.maxLength !== undefined) {
    sides.push({
      title: `exactly ${characters(schema.maxLength)} (the maximum)`,
      value: padTo(base, schema.maxLength, uri),
      inside: true,
      keyword: 'maxLength',
    });
    sides.push({
      title: `${characters(schema.maxLength + 1)} (one over the maximum)`,
      value: padTo(base, schema.maxLength + 1, uri),
      inside: false,
      keyword: 'maxLength',
    });
  }
  if (schema.minLength !== undefined && schema.minLength > 0) {
    sides.push({
      title: `exactly ${characters(schema.minLength)} (the minimum)`,
      value: padTo(base, schema.minLength, uri),
      inside: true,
      keyword: 'minLength',
    });
    sides.push({
      title: `${characters(schema.minLength - 1)} (one under the minimum)`,
      value: base.slice(0, schema.minLength - 1),
      inside: false,
      keyword: 'minLength',
    });
  }
  return sides;
}

function arraySides(schema: Schema, base: unknown[]): Boundary[] {
  const sides: Boundary[] = [];
  const add = (count: number, title: string, inside: boolean, keyword: string) => {
    const value = itemsFor(schema, base, count);
    if (value !== undefined)
      sides.push({ title: `with ${count} item${count === 1 ? '' : 's'} (${title})`, value, inside, keyword });
  };
  if (schema.minItems !== undefined && schema.minItems > 0) {
    add(schema.minItems, 'the minimum', true, 'minItems');
    add(schema.minItems - 1, 'one under the minimum', false, 'minItems');
  }
  if (schema.maxItems !== undefined) {
    add(schema.maxItems, 'the maximum', true, 'maxItems');
    add(schema.maxItems + 1, 'one over the maximum', false, 'maxItems');
  }
  return sides;
}

function numberSides(schema: NumberSchema, integer: boolean): Boundary[] {
  const step = schema.multipleOf ?? (integer ? 1 : 0.001);
  const sides: Boundary[] = [];
  const pair = (keyword: string, limit: number | undefined, inside: number, outside: number) => {
    if (limit === undefined) return;
    sides.push({ title: `${inside} (at ${keyword} ${limit})`, value: inside, inside: true, keyword });
    sides.push({ title: `${outside} (past ${keyword} ${limit})`, value: outside, inside: false, keyword });
  };
  pair('minimum', schema.minimum, schema.minimum ?? 0, (schema.minimum ?? 0) - step);
  pair('maximum', schema.maximum, schema.maximum ?? 0, (schema.maximum ?? 0) + step);
  pair(
    'exclusiveMinimum',
    schema.exclusiveMinimum,
    (schema.exclusiveMinimum ?? 0) + step,
    schema.exclusiveMinimum ?? 0,
  );
  pair(
    'exclusiveMaximum',
    schema.exclusiveMaximum,
    (schema.exclusiveMaximum ?? 0) - step,
    schema.exclusiveMaximum ?? 0,
  );
  return sides;
}

/**
 * Both sides of every limit a property of the body states (length, items, numeric bounds):
 * exactly at the limit, which must be accepted, and one past it, which must be refused. Each
 * is checked with the schema: accepted, or breaking exactly the limit's keyword.
 */
export function boundaryCases(schema: JsonSchema, base: unknown, validate: ValidateValue): Boundary[] {
  const shape = schema as Schema;
  if (!isObject(base) || shape.properties === undefined) return [];
  const candidates = writableProperties(shape, base).flatMap(([name, property, current]) => {
    const type = typeOf(property);
    const sides =
      type === 'string' && typeof current === 'string'
        ? stringSides(property, current, property.format === 'uri' || property.format === 'iri')
        : type === 'array' && Array.isArray(current)
          ? arraySides(property, current)
          : type === 'integer' || type === 'number'
            ? numberSides(property, type === 'integer')
            : [];
    return sides.map((side) => ({
      ...side,
      title: `${name} ${side.title}`,
      value: withProperty(base, name, side.value),
    }));
  });
  return candidates.filter((candidate) => {
    const errors = validate(schema, candidate.value);
    return candidate.inside ? errors.length === 0 : breaksOnly(errors, candidate.keyword);
  });
}
