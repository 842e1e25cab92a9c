/** An HTTP request as the mock sees it, read whole off the wire and nothing interpreted yet. */
export interface MockRequest {
  /** Upper case: `POST`. */
  method: string;
  /** The path without its query string: `/webhooks`. */
  path: string;
  query: Record<string, string | string[]>;
  /** Lower-case names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  body: Buffer;
}

/** The first value of a query parameter, when it is given more than once. */
export function firstQueryValue(request: MockRequest, name: string): string | undefined {
  const value = request.query[name];
  return Array.isArray(value) ? value[0] : value;
}
