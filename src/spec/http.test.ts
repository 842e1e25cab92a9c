import { documentedCode, mediaTypeOf } from './http';

describe('documentedCode', () => {
  it('prefers the exact code, then the range, then default', () => {
    expect(documentedCode(['201', '4XX', 'default'], 201)).toBe('201');
    expect(documentedCode(['201', '4XX', 'default'], 404)).toBe('4XX');
    expect(documentedCode(['201', '4xx'], 422)).toBe('4xx');
    expect(documentedCode(['201', 'default'], 503)).toBe('default');
    expect(documentedCode(['201', '422'], 400)).toBeUndefined();
  });
});

describe('mediaTypeOf', () => {
  it('drops parameters and case', () => {
    expect(mediaTypeOf('Application/Problem+JSON; charset=UTF-8')).toBe('application/problem+json');
    expect(mediaTypeOf(undefined)).toBe('');
  });
});
