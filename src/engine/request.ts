/** An HTTP request as the mock sees it, read whole off the wire and nothing interpreted yet. */
export interface MockRequest {
  /** Upper case: `POST`. */
  method: string;
  /** The path without its query string: `/webhooks`. */
  path: string;
  query: Record<string, string | string[]>;
  /** Lower-case names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  body: Uint8Array;
}

/** The first value of a query parameter, when it is given more than once. */
export function firstQueryValue(request: MockRequest, name: string): string | undefined {
  const value = request.query[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Query parameters from name-value pairs; a repeated one becomes a list. */
export function queryOfPairs(pairs: Iterable<[string, string]>): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of pairs) {
    const seen = query[name];
    query[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return query;
}

/** A URL's query parameters; a repeated one becomes a list. */
export const queryOf = (url: URL): Record<string, string | string[]> => queryOfPairs(url.searchParams);
