/** A value of a JSON type other than the schema's, named as a report shows it. */
export interface Confusion {
  title: string;
  value: unknown;
}

const JSON_TYPES = ['string', 'number', 'boolean', 'null', 'array', 'object'] as const;
type JsonType = (typeof JSON_TYPES)[number];

const jsonTypeOf = (type: string): string => (type === 'integer' ? 'number' : type);

/** A scalar a framework could coerce to `type`'s valid value, where the valid value gives one. */
function asString(type: string, current: unknown): Confusion {
  if (type === 'number' || type === 'integer')
    return { title: 'a numeric string', value: String(typeof current === 'number' ? current : 42) };
  if (type === 'boolean') {
    const text = typeof current === 'boolean' ? String(current) : 'true';
    return { title: `the string "${text}"`, value: text };
  }
  const first = Array.isArray(current) ? (current as unknown[])[0] : undefined;
  if (type === 'array' && typeof first === 'string')
    return { title: 'a single item instead of an array', value: first };
  if (type === 'object') return { title: 'an object as a JSON string', value: JSON.stringify(current ?? {}) };
  return { title: 'a string', value: 'text' };
}

function asNumber(type: string, current: unknown): Confusion {
  if (type === 'boolean') return { title: 'the number 1', value: 1 };
  const first = Array.isArray(current) ? (current as unknown[])[0] : undefined;
  if (type === 'array' && typeof first === 'number')
    return { title: 'a single item instead of an array', value: first };
  return { title: 'a number', value: 12345 };
}

function confused(as: JsonType, type: string, current: unknown): Confusion {
  switch (as) {
    case 'string':
      return asString(type, current);
    case 'number':
      return asNumber(type, current);
    case 'boolean':
      return { title: 'a boolean', value: true };
    case 'null':
      return { title: 'null', value: null };
    case 'array':
      return { title: 'a one-element array', value: [current] };
    case 'object':
      return {
        title: 'an object',
        value: type === 'array' ? { 0: (current as unknown[] | undefined)?.[0] ?? null } : {},
      };
  }
}

/**
 * A value of every JSON type but the schema's, each the one a lenient framework would coerce
 * where there is one (a numeric string for a number, `"true"` for a boolean, a single item for
 * an array, a one-element array for a scalar, `null`), and for an integer a fractional number.
 * Which of them break only the type is the schema's to say (see negative.ts).
 */
export function typeConfusions(type: string, current: unknown): Confusion[] {
  const own = jsonTypeOf(type);
  const others = JSON_TYPES.filter((as) => as !== own).map((as) => confused(as, type, current));
  return type === 'integer' ? [...others, { title: 'a fractional number', value: 1.5 }] : others;
}
