import { createValidator } from './validate';
import { toLocation, toViolations, valueAtLocation } from './huma';

const validate = createValidator();
const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['url', 'tags'],
  properties: {
    url: { type: 'string', format: 'uri', pattern: '^https://', maxLength: 20 },
    tags: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['a', 'b'] } },
    'odd/key': { type: 'integer', minimum: 1 },
  },
};
const violations = (value: unknown) => toViolations('body', value, validate(schema, value));

describe('toViolations (Huma-style)', () => {
  it('reports a missing property at its parent, naming it, with the parent as the value', () => {
    expect(violations({ tags: ['a'] })).toEqual([
      { location: 'body', message: 'expected required property url to be present', value: { tags: ['a'] } },
    ]);
  });

  it('reports an unexpected property at itself, with the object that holds it as the value (validate.go, handleMapString)', () => {
    const sent = { url: 'https://x', tags: ['a'], extra: 1 };
    expect(violations(sent)).toEqual([{ location: 'body.extra', message: 'unexpected property', value: sent }]);
  });

  it('finds the value at a location it made, and nothing outside the root', () => {
    const sent = { url: 'https://x', tags: ['a', 'b'] };
    expect(valueAtLocation('body', sent, 'body.tags[1]')).toBe('b');
    expect(valueAtLocation('body', sent, 'body')).toBe(sent);
    expect(valueAtLocation('body', sent, 'body.none')).toBeUndefined();
    expect(valueAtLocation('body', sent, 'query.url')).toBeUndefined();
  });

  it('reports a bad value at its own location with the value', () => {
    expect(violations({ url: 'http://x', tags: ['a', 'c'] })).toEqual([
      { location: 'body.url', message: 'expected string to match pattern ^https://', value: 'http://x' },
      { location: 'body.tags[1]', message: 'expected value to be one of "a, b"', value: 'c' },
    ]);
  });

  it("says Huma's words for formats, lengths, array rules, types and extra properties", () => {
    const messages = violations({ url: 'not a uri at all, too long', tags: [], extra: 1 }).map(
      (v) => `${v.location} ${v.message}`,
    );
    expect(messages).toEqual([
      'body.extra unexpected property',
      'body.url expected length <= 20',
      'body.url expected string to match pattern ^https://',
      'body.url expected string to be RFC 3986 uri',
      'body.tags expected array length >= 1',
    ]);
    expect(violations({ url: 'https://x', tags: ['a', 'a'] }).map((v) => v.message)).toEqual([
      'expected array items to be unique',
    ]);
    expect(violations({ url: 42, tags: 'a' }).map((v) => v.message)).toEqual(['expected string', 'expected array']);
    expect(violations([]).map((v) => v.message)).toEqual(['expected object']);
  });

  it('unescapes JSON pointers and keeps numbers in brackets', () => {
    expect(violations({ url: 'https://x', tags: ['a'], 'odd/key': 0 })).toEqual([
      { location: 'body.odd/key', message: 'expected number >= 1', value: 0 },
    ]);
    expect(toLocation('body', ['items', '3', 'tags'])).toBe('body.items[3].tags');
  });

  it('reports a __proto__ key as an unexpected property without touching prototypes', () => {
    const value = JSON.parse('{"url":"https://x","tags":["a"],"__proto__":{"polluted":true}}') as unknown;
    expect(violations(value)).toEqual([{ location: 'body.__proto__', message: 'unexpected property', value }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('where a violation points, remembered across requests', () => {
  const strict = {
    type: 'object',
    additionalProperties: false,
    properties: { a: { type: 'object', additionalProperties: false } },
  };
  const locations = (value: unknown) =>
    toViolations('body', value, validate(strict, value)).map((violation) => violation.location);

  it('tells apart the same pointer with and without an extra property, an empty name included', () => {
    expect(locations({ a: { '': 1 } })).toEqual(['body.a.']);
    expect(locations({ a: { x: 1 } })).toEqual(['body.a.x']);
    expect(locations({ a: 5 })).toEqual(['body.a']);
    expect(locations({ a: { '': 1 } })).toEqual(['body.a.']); // asked again: the same answer
  });

  it('stays right past its bound', () => {
    for (let n = 0; n < 2500; n++) expect(locations({ a: { [`p${n}`]: 1 } })).toEqual([`body.a.p${n}`]);
    for (let n = 0; n < 1500; n++) expect(locations({ [`q${n}`]: 1 })).toEqual([`body.q${n}`]);
  });
});
