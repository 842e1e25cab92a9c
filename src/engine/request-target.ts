import { queryOf, type MockRequest } from './request';

/** A request target's path and query; undefined when it is not one. */
export type RequestTarget = Pick<MockRequest, 'path' | 'query'>;

// A plain path (no query, percent sign, dot segment or character URL would escape) is its own
// pathname: most requests skip building a URL.
const PLAIN_PATH = /^\/(?!\/)[\w\-~!$&'()*+,;=:@/]*$/;

/** The path and query of a request target (`/webhooks?x=1`), as `new URL` reads them; undefined when it is none. */
export function parseRequestTarget(url: string): RequestTarget | undefined {
  if (PLAIN_PATH.test(url)) return { path: url, query: {} };
  try {
    const parsed = new URL(url, 'http://mock.invalid');
    return { path: parsed.pathname, query: queryOf(parsed) };
  } catch {
    return undefined;
  }
}
