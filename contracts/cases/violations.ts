import { isDeepStrictEqual } from 'node:util';
import { BODY, placeOf } from '../../src/spec/huma';
import type { JsonSchema, ValidateValue } from '../../src/spec/validate';
import type { ExpectedViolation } from '../case';
import type { InvalidBody } from './negative';
import { isObject, type Json } from './schema';

/**
 * The violations a body should be reported with, placed as the error model says (Huma: a
 * missing property at its parent, a bad value at itself), each with the value Huma shows there
 * (the parent of a missing property, the object holding an unexpected one).
 */
export function expectedViolations(schema: JsonSchema, value: unknown, validate: ValidateValue): ExpectedViolation[] {
  const seen = new Set<string>();
  return validate(schema, value).flatMap((error) => {
    const place = placeOf(BODY, value, error);
    // Ajv may say one thing twice (a format and a pattern both at one string are two things).
    const key = `${place.location}\n${error.keyword}\n${JSON.stringify(error.params)}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [place];
  });
}

/** The one top-level property a one-violation body changed from the base, if it changed only one. */
function changedProperty(base: Json, body: InvalidBody): string | undefined {
  if (!isObject(body.value)) return undefined;
  const value = body.value;
  const names = [...new Set([...Object.keys(base), ...Object.keys(value)])].filter((name) => !isDeepStrictEqual(base[name], value[name]));
  return names.length === 1 ? names[0] : undefined;
}

/**
 * Bodies that break two or three independent rules at once, by putting together one-violation
 * bodies that change different properties: every pair, and all of them when there are three.
 * Each is kept only if it breaks exactly as many rules as it combines.
 */
export function severalViolations(schema: JsonSchema, base: unknown, invalid: InvalidBody[], validate: ValidateValue): { title: string; value: Json; violations: ExpectedViolation[] }[] {
  if (!isObject(base)) return [];
  // Per property, the most telling one-violation body: a broken value before a wrong type before a missing property.
  const preference = (body: InvalidBody) => (body.keyword === 'required' ? 2 : body.keyword === 'type' ? 1 : 0);
  const byProperty = new Map<string, InvalidBody>();
  for (const body of [...invalid].sort((a, b) => preference(a) - preference(b))) {
    const name = changedProperty(base, body);
    if (name !== undefined && !byProperty.has(name)) byProperty.set(name, body);
  }
  const picked = [...byProperty.entries()].slice(0, 3);
  const groups = picked.flatMap((first, i) => picked.slice(i + 1).map((second) => [first, second]));
  if (picked.length === 3) groups.push(picked);
  return groups.flatMap((group) => {
    const value: Json = { ...base };
    for (const [name, body] of group) {
      const changed = (body.value as Json)[name];
      if (changed === undefined) delete value[name];
      else value[name] = changed;
    }
    const violations = expectedViolations(schema, value, validate);
    if (violations.length !== group.length) return [];
    return [{ title: group.map(([, body]) => body.title).join(', and '), value, violations }];
  });
}
