import { patternMisses } from './pattern-misses';
import type { Schema } from '../../src/spec/schema';

// Variants of a valid string: valid ones for positive cases, ones that break one rule for
// negative cases. Which survive is decided by the schema (see schema.ts), not assumed here.

const isUri = (schema: Schema) => schema.format === 'uri' || schema.format === 'iri';

/** `value` cut or padded to exactly `length` characters; a URI is padded in its path, so that it stays a URI. */
export function padTo(value: string, length: number, uri: boolean): string {
  if (value.length >= length) return value.slice(0, length);
  const filler = 'a'.repeat(length - value.length - (uri ? 1 : 0));
  return uri ? `${value.replace(/\/$/, '')}/${filler}`.slice(0, length).padEnd(length, 'a') : value + filler;
}

function uriVariants(base: string): { title: string; value: string }[] {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return [];
  }
  const path = url.pathname === '/' ? '' : url.pathname;
  const root = `${url.protocol}//${url.hostname}`;
  return [
    { title: 'with a port', value: `${root}:8443${path}${url.search}` },
    { title: 'with a query string', value: `${root}${path}?team=ops&env=prod%20eu` },
    { title: 'with percent-encoding', value: `${root}${path}/caf%C3%A9%20menu` },
    { title: 'with a subdomain and a deep path', value: `${url.protocol}//edge.${url.hostname}/a/b/c/` },
    { title: 'with no path', value: root },
  ];
}

/** Valid variants of `base` for a string schema: URI shapes (the limits are boundaries.ts's). */
export function validStrings(schema: Schema, base: string): { title: string; value: string }[] {
  return isUri(schema) ? uriVariants(base) : [];
}

/** Strings meant to break exactly one rule of the schema (not its length: see boundaries.ts), each named after the keyword it breaks. */
export function invalidStrings(schema: Schema, base: string): { keyword: string; title: string; values: string[] }[] {
  const broken: { keyword: string; title: string; values: string[] }[] = [];
  if (schema.pattern !== undefined) {
    broken.push({
      keyword: 'pattern',
      title: `does not match ${schema.pattern}`,
      values: patternMisses(schema.pattern).map((miss) => miss.value),
    });
  }
  if (schema.format !== undefined) {
    const hostBroken = base.replace(
      /^([a-z]+:\/\/)([^/?#:]+)/i,
      (_m, scheme: string, host: string) => `${scheme}${host.slice(0, 3)} ${host.slice(3)}`,
    );
    broken.push({
      keyword: 'format',
      title: `is not a valid ${schema.format}`,
      values: [hostBroken, `${base} x`, 'not a value of this format', base.replace(/^([a-z]+):\/\//i, '$1:')],
    });
  }
  return broken;
}
