import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { dereferenceLocal } from './dereference';
import { loadSpec } from './load';
import { specOf } from './spec';
import { DEFAULT_SPEC } from '../platform/version';

describe('dereferenceLocal', () => {
  it('replaces local $refs, the same target by the same object, escapes decoded', () => {
    const document = {
      a: { $ref: '#/defs/x' },
      b: [{ $ref: '#/defs/x' }],
      c: { $ref: '#/defs/a~1b' },
      defs: { x: { type: 'string' }, 'a/b': { const: 1 } },
    };
    const result = dereferenceLocal(document) as Record<string, unknown> & { b: unknown[] };
    expect(result.a).toEqual({ type: 'string' });
    expect(result.b[0]).toBe(result.a);
    expect(result.c).toEqual({ const: 1 });
    expect(document.a).toEqual({ $ref: '#/defs/x' }); // the caller's object is left alone
  });

  it('turns a cycle into a circular reference', () => {
    const result = dereferenceLocal({
      node: { $ref: '#/defs/node' },
      defs: { node: { properties: { next: { $ref: '#/defs/node' } } } },
    }) as { node: { properties: { next: unknown } } };
    expect(result.node.properties.next).toBe(result.node);
  });

  it('lets keys beside a $ref win, in a new object', () => {
    const result = dereferenceLocal({
      a: { $ref: '#/defs/x', description: 'mine' },
      defs: { x: { type: 'string', description: 'theirs' } },
    }) as { a: unknown; defs: { x: unknown } };
    expect(result.a).toEqual({ type: 'string', description: 'mine' });
    expect(result.defs.x).toEqual({ type: 'string', description: 'theirs' });
  });

  it.each([
    ['other.yaml#/defs/x', /not local to the document; bundle the spec/],
    ['#/defs/missing', /points to nothing/],
  ])('refuses $ref %s, naming it', (ref, message) => {
    expect(() => dereferenceLocal({ a: { $ref: ref }, defs: {} })).toThrow(message);
  });
});

describe('specOf: a spec from a parsed document, without I/O', () => {
  it('gives the packaged spec the same operations as loadSpec', async () => {
    const loaded = await loadSpec(DEFAULT_SPEC);
    const parsed = specOf(parse(readFileSync(DEFAULT_SPEC, 'utf8')) as object);
    expect(JSON.parse(JSON.stringify(parsed.operations))).toEqual(JSON.parse(JSON.stringify(loaded.operations)));
    expect(parsed.document).toEqual(loaded.document);
  });

  it('refuses a document that is not OpenAPI 3.1, saying what it found', () => {
    expect(() => specOf({ openapi: '3.0.3', paths: {} })).toThrow('expected OpenAPI 3.1.x, found 3.0.3');
    expect(() => specOf({ swagger: '2.0' })).toThrow('found undefined');
  });
});
