// Small HTTP facts shared by the mock and the contract suites.

/** RFC 9457's media type, in which every error of the mock, the proxy and Huma is sent. */
export const PROBLEM_JSON = 'application/problem+json';

/** `application/problem+json; charset=utf-8` → `application/problem+json` ('' when there is none). */
export function mediaTypeOf(contentType: string | undefined): string {
  if (contentType === undefined) return '';
  const end = contentType.indexOf(';');
  return (end === -1 ? contentType : contentType.slice(0, end)).trim().toLowerCase();
}

/**
 * Which documented response code answers a status, as OpenAPI reads them: the exact code,
 * then its range (`4XX`), then `default`.
 */
export function documentedCode(codes: readonly string[], status: number): string | undefined {
  const code = String(status);
  return (
    codes.find((c) => c === code) ??
    codes.find((c) => c.toUpperCase() === `${code[0]}XX`) ??
    codes.find((c) => c === 'default')
  );
}

/** A path template (`/webhooks/{id}`) as a regular expression with a group per parameter, and the parameters' names in order. */
export function templatePattern(template: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_match, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { pattern: new RegExp(`^${source}$`), names };
}

/**
 * Statuses that say the request never reached the operation (a body too large, a media type it
 * does not take, too slow, headers too large): the contract puts them outside every operation,
 * so they are answered whether or not an operation documents them.
 */
export const OUTSIDE_THE_OPERATION: ReadonlySet<number> = new Set([408, 413, 415, 431]);
