import type { SchemaViolation } from '../spec/validate';

/** One thing wrong with a request, said the way Huma says it (location, message, offending value). */
export interface Violation {
  /** Where: `body`, `body.url`, `body.eventNames[2]`, `header.authorization`, `query.limit`. */
  location: string;
  message: string;
  /** The offending value as sent; left out when there is none to show. */
  value?: unknown;
}

// Schema violations said the way Huma (which generates Kaiten's errors) says them, from its
// validation/messages.go: the wording is Huma's, the facts come from the schema.

const FORMAT_MESSAGES: Record<string, string> = {
  'date-time': 'expected string to be RFC 3339 date-time',
  date: 'expected string to be RFC 3339 date',
  time: 'expected string to be RFC 3339 time',
  email: 'expected string to be RFC 5322 email',
  hostname: 'expected string to be RFC 5890 hostname',
  ipv4: 'expected string to be RFC 2673 ipv4',
  ipv6: 'expected string to be RFC 2373 ipv6',
  uri: 'expected string to be RFC 3986 uri',
  'uri-reference': 'expected string to be RFC 3986 uri-reference',
  uuid: 'expected string to be RFC 4122 uuid',
  'uri-template': 'expected string to be RFC 6570 uri-template',
  'json-pointer': 'expected string to be RFC 6901 json-pointer',
  'relative-json-pointer': 'expected string to be RFC 6901 relative-json-pointer',
  regex: 'expected string to be regex',
};

type Params = Record<string, unknown>;

/** Where Huma's locations for the request body start (`body`, `body.url`). */
export const BODY = 'body';

const MESSAGES: Record<string, (params: Params) => string> = {
  type: (p) => `expected ${String(p.type).replace(',', ' or ')}`,
  format: (p) => FORMAT_MESSAGES[String(p.format)] ?? `expected string to be ${String(p.format)}`,
  pattern: (p) => `expected string to match pattern ${String(p.pattern)}`,
  minLength: (p) => `expected length >= ${String(p.limit)}`,
  maxLength: (p) => `expected length <= ${String(p.limit)}`,
  minItems: (p) => `expected array length >= ${String(p.limit)}`,
  maxItems: (p) => `expected array length <= ${String(p.limit)}`,
  uniqueItems: () => 'expected array items to be unique',
  enum: (p) => `expected value to be one of "${(p.allowedValues as unknown[]).map(String).join(', ')}"`,
  const: (p) => `expected value to be ${JSON.stringify(p.allowedValue)}`,
  minimum: (p) => `expected number >= ${String(p.limit)}`,
  exclusiveMinimum: (p) => `expected number > ${String(p.limit)}`,
  maximum: (p) => `expected number <= ${String(p.limit)}`,
  exclusiveMaximum: (p) => `expected number < ${String(p.limit)}`,
  multipleOf: (p) => `expected number to be a multiple of ${String(p.multipleOf)}`,
  minProperties: (p) => `expected object with at least ${String(p.limit)} properties`,
  maxProperties: (p) => `expected object with at most ${String(p.limit)} properties`,
  required: (p) => `expected required property ${String(p.missingProperty)} to be present`,
  dependentRequired: (p) =>
    `expected property ${String(p.missingProperty)} to be present when ${String(p.property)} is present`,
  additionalProperties: () => 'unexpected property',
  unevaluatedProperties: () => 'unexpected property',
  anyOf: () => 'expected value to match at least one schema but matched none',
  oneOf: () => 'expected value to match exactly one schema but matched none',
  not: () => 'expected value to not match schema',
};

function unescapePointer(segment: string): string {
  return segment.includes('~') ? segment.replace(/~1/g, '/').replace(/~0/g, '~') : segment;
}

/** `body` + `/eventNames/2` → `body.eventNames[2]`. */
export function toLocation(root: string, segments: string[]): string {
  return segments.reduce(
    (location, segment) => (/^\d+$/.test(segment) ? `${location}[${segment}]` : `${location}.${segment}`),
    root,
  );
}

function valueAt(value: unknown, segments: string[]): unknown {
  let node = value;
  for (const segment of segments) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/**
 * The value at a Huma location in what was sent (`body.eventNames[2]` in the body), or undefined:
 * the inverse of toLocation, for names without `.` or `[`.
 */
export function valueAtLocation(root: string, value: unknown, location: string): unknown {
  if (location !== root && !location.startsWith(`${root}.`) && !location.startsWith(`${root}[`)) return undefined;
  const segments = [...location.slice(root.length).matchAll(/\.([^.[]*)|\[(\d+)\]/g)].map(
    (match) => match[1] ?? match[2]!,
  );
  return valueAt(value, segments);
}

/** The property an unexpected-property error names, if it is one. */
function extraOf(violation: SchemaViolation): string | undefined {
  const extra = violation.params.additionalProperty ?? violation.params.unevaluatedProperty;
  return typeof extra === 'string' ? extra : undefined;
}

interface Place {
  /** Where the value Huma shows is: the value checked, which for an unexpected property is the object holding it. */
  segments: string[];
  location: string;
}

// The same schema errors come back request after request: where each one points is worked out
// once per root, pointer and extra property, and remembered up to a bound (array indexes and
// property names a client makes up could make them many).
const PLACES_REMEMBERED = 1000;
const places = new Map<string, Map<string | undefined, Place>>();

function locate(root: string, error: SchemaViolation): Place {
  const name = extraOf(error);
  const key = `${root}\0${error.pointer}`; // a root never holds \0, so the key splits one way only
  let byExtra = places.get(key);
  if (byExtra === undefined) {
    if (places.size >= PLACES_REMEMBERED) places.clear();
    places.set(key, (byExtra = new Map<string | undefined, Place>()));
  }
  let place = byExtra.get(name);
  if (place === undefined) {
    // Huma reports an unexpected property at itself, everything else at the value the keyword checked.
    const segments = error.pointer.split('/').slice(1).map(unescapePointer);
    place = { segments, location: toLocation(root, name === undefined ? segments : [...segments, name]) };
    if (byExtra.size < PLACES_REMEMBERED) byExtra.set(name, place);
  }
  return place;
}

/**
 * Where Huma places a schema error, and the value it shows (validate.go): the value checked, so
 * the parent object for a missing property and the object holding an unexpected property.
 */
export function placeOf(root: string, value: unknown, error: SchemaViolation): { location: string; value?: unknown } {
  const { segments, location } = locate(root, error);
  const offending = valueAt(value, segments);
  return offending === undefined ? { location } : { location, value: offending };
}

/** One Huma-style violation per schema error, at `root` (such as `body`), each with the offending value. */
export function toViolations(root: string, value: unknown, errors: SchemaViolation[]): Violation[] {
  const seen = new Set<string>();
  return errors.flatMap((error) => {
    const place = placeOf(root, value, error);
    const message = MESSAGES[error.keyword]?.(error.params) ?? error.message;
    const key = `${place.location}\n${message}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [
      place.value === undefined
        ? { location: place.location, message }
        : { location: place.location, message, value: place.value },
    ];
  });
}
