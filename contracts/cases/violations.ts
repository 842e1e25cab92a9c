import { isDeepStrictEqual } from 'node:util';
import { BODY, placeOf } from '../../src/spec/huma';
import type { JsonSchema, ValidateValue } from '../../src/spec/validate';
import type { ExpectedViolation } from '../../src/checks/case';
import type { InvalidBody } from './negative';
import { withProperty } from './schema';
import { isObject, type Json, type Schema } from '../../src/spec/schema';

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
  const names = [...new Set([...Object.keys(base), ...Object.keys(value)])].filter(
    (name) => !isDeepStrictEqual(base[name], value[name]),
  );
  return names.length === 1 ? names[0] : undefined;
}

/** Per kind of violation, the one-violation bodies to combine: one broken value per declared property (a broken value before a wrong type), one unexpected property, each missing property. */
function ingredients(schema: JsonSchema, base: Json, invalid: InvalidBody[]) {
  const declared = new Set(Object.keys((schema as Schema).properties ?? {}));
  const byProperty = new Map<string, InvalidBody>();
  const missing: Ingredient[] = [];
  let unexpected: Ingredient | undefined;
  for (const body of [...invalid].sort((a, b) => Number(a.keyword === 'type') - Number(b.keyword === 'type'))) {
    const name = changedProperty(base, body);
    if (name === undefined) continue;
    if (body.keyword === 'required') missing.push([name, body]);
    else if (!declared.has(name)) unexpected ??= [name, body];
    else if (!byProperty.has(name)) byProperty.set(name, body);
  }
  return { broken: [...byProperty.entries(), ...(unexpected === undefined ? [] : [unexpected])].slice(0, 3), missing };
}

type Ingredient = [name: string, body: InvalidBody];

/**
 * Bodies that break two or three independent rules at once, by putting together one-violation
 * bodies that change different properties: every pair of broken values (an unexpected property
 * among them), all of them when there are three, and each missing required property with the
 * other properties broken and an unexpected property, so that a validator that stops after its
 * required-properties pass is caught. Each is kept only if it breaks exactly as many rules as
 * it combines.
 */
export function severalViolations(
  schema: JsonSchema,
  base: unknown,
  invalid: InvalidBody[],
  validate: ValidateValue,
): { title: string; value: Json; violations: ExpectedViolation[] }[] {
  if (!isObject(base)) return [];
  const { broken, missing } = ingredients(schema, base, invalid);
  const groups = broken.flatMap((first, i) => broken.slice(i + 1).map((second) => [first, second]));
  if (broken.length === 3) groups.push(broken);
  for (const absent of missing) groups.push([absent, ...broken.filter(([name]) => name !== absent[0])]);
  return groups.flatMap((group) => {
    if (group.length < 2) return [];
    const value = group.reduce((built, [name, body]) => withProperty(built, name, (body.value as Json)[name]), base);
    const violations = expectedViolations(schema, value, validate);
    if (violations.length !== group.length) return [];
    return [{ title: group.map(([, body]) => body.title).join(', and '), value, violations }];
  });
}
