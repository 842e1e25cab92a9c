import type { Operation } from '../spec/operations';
import { templatePattern } from '../spec/http';

/** Where the app sends requests: an origin and a path prefix, or (relative base) any origin. */
export interface Base {
  /** Matches the URL up to the operations' paths (origin and prefix). */
  prefix: string;
  /** The path part of the base, taken off a request's path before routing: `/api`. */
  path: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `https://demo.kaiten.sh/api` (that origin), `/api` (any origin), or '' (any origin, no prefix). */
export function baseOf(baseUrl: string): Base {
  const trimmed = baseUrl.replace(/\/+$/, '');
  if (trimmed === '' || trimmed.startsWith('/'))
    return { prefix: `[a-z][a-z0-9+.-]*://[^/]+${escape(trimmed)}`, path: trimmed };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new Error(`baseUrl "${baseUrl}" is neither an absolute URL (https://demo.kaiten.sh) nor a path (/api)`);
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { prefix: escape(`${url.origin}${path}`), path };
}

/**
 * One URL pattern per documented path (all methods: a method the path does not document gets
 * the mock's 405), matched by MSW against the URL without its query. A path nobody documents is
 * left to the app's other handlers.
 */
export function handlerPatterns(operations: Operation[], base: Base): RegExp[] {
  const paths = [...new Set(operations.map((operation) => operation.path))];
  return paths.map((path) => new RegExp(`^${base.prefix}${templatePattern(path).pattern.source.slice(1, -1)}$`));
}
