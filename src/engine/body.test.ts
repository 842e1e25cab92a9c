import { decodeBody, jsonDepth, MAX_JSON_DEPTH } from './body';
import type { MockRequest } from './request';

const request = (body: string | Buffer, contentType?: string): MockRequest => ({
  method: 'POST',
  path: '/',
  query: {},
  headers: contentType === undefined ? {} : { 'content-type': contentType },
  body: typeof body === 'string' ? Buffer.from(body) : body,
});

describe('decodeBody', () => {
  it('parses JSON, with or without a charset, and +json types', () => {
    expect(decodeBody(request('{"a":1}', 'application/json'))).toEqual({ kind: 'json', value: { a: 1 } });
    expect(decodeBody(request('[1]', 'Application/JSON; charset=utf-8'))).toEqual({ kind: 'json', value: [1] });
    expect(decodeBody(request('"x"', 'application/merge-patch+json'))).toEqual({ kind: 'json', value: 'x' });
    expect(decodeBody(request('{"a":1}'))).toEqual({ kind: 'json', value: { a: 1 } });
  });

  it('tells an empty body, a malformed one and bad UTF-8 apart', () => {
    expect(decodeBody(request('', 'application/json'))).toEqual({ kind: 'none' });
    expect(decodeBody(request('  \n', 'application/json'))).toEqual({ kind: 'none' });
    expect(decodeBody(request('{"a":', 'application/json'))).toMatchObject({ kind: 'malformed', text: '{"a":' });
    expect(decodeBody(request(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 'application/json'))).toMatchObject({
      kind: 'malformed',
      message: 'the body is not valid UTF-8',
    });
  });

  it('refuses other media types', () => {
    expect(decodeBody(request('a=1', 'application/x-www-form-urlencoded'))).toEqual({
      kind: 'unsupported',
      mediaType: 'application/x-www-form-urlencoded',
    });
  });

  it('refuses nesting deeper than the limit before parsing it', () => {
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    expect(decodeBody(request(deep, 'application/json'))).toMatchObject({
      kind: 'malformed',
      message: expect.stringContaining('max depth') as string,
    });
    const ok = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
    expect(decodeBody(request(ok, 'application/json')).kind).toBe('json');
  });
});

describe('jsonDepth', () => {
  it('counts brackets outside strings only', () => {
    expect(jsonDepth('{"a":[{"b":"[[[{{"}]}')).toBe(3);
    expect(jsonDepth('"\\"[["')).toBe(0);
    expect(jsonDepth('1')).toBe(0);
  });
});
