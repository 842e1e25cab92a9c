import type { Case } from '../../src/checks/case';
import { isObject } from '../../src/spec/schema';

type FormCase = Pick<Case, 'value' | 'raw' | 'headers' | 'omitHeaders' | 'titleCaseHeaders'> & { title: string };

/** The first letter of every JSON string written as a `\u` escape: the same JSON to any parser. */
function withEscapes(text: string): string {
  return text.replace(/"((?:[^"\\]|\\.)*)"/g, (literal: string, inner: string) =>
    inner.length === 0 ? literal : `"\\u${inner.charCodeAt(0).toString(16).padStart(4, '0')}${inner.slice(1)}"`,
  );
}

/**
 * The same valid body in forms a valid client may send, all of which must be accepted: a
 * charset parameter, other header-name case, no Accept or `Accept: *\/*`, insignificant
 * whitespace, `\u` escapes, keys in another order.
 */
export function requestForms(value: unknown): FormCase[] {
  const text = JSON.stringify(value);
  const forms: FormCase[] = [
    { title: 'Content-Type with charset=utf-8', value, headers: { 'content-type': 'application/json; charset=utf-8' } },
    { title: 'header names in Title-Case', value, titleCaseHeaders: true },
    { title: 'no Accept header', value, omitHeaders: ['accept'] },
    { title: 'Accept: */*', value, headers: { accept: '*/*' } },
    {
      title: 'JSON with insignificant whitespace',
      value,
      raw: `\n${JSON.stringify(value, null, 2).replace(/":/g, '" :')}\n`,
    },
    { title: 'JSON with \\u escapes', value, raw: withEscapes(text) },
  ];
  if (isObject(value) && Object.keys(value).length > 1) {
    forms.push({
      title: 'keys in another order',
      value,
      raw: JSON.stringify(Object.fromEntries(Object.entries(value).reverse())),
    });
  }
  return forms;
}
