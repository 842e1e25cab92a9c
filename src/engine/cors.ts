import type { MockRequest } from './request';

// CORS for browsers that send credentials: the Origin is echoed (never `*`, which browsers
// refuse with credentials), and caches are told the answer varies with it.

/** Headers a frontend may read without the server listing them (CORS-safelisted response headers). */
const SAFELISTED = new Set([
  'cache-control',
  'content-language',
  'content-length',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
]);
const DEFAULT_ALLOWED_HEADERS = 'Authorization, Content-Type, Prefer';
const PREFLIGHT_MAX_AGE_SECONDS = '600';

export function isPreflight(request: MockRequest): boolean {
  return (
    request.method === 'OPTIONS' &&
    request.headers.origin !== undefined &&
    request.headers['access-control-request-method'] !== undefined
  );
}

/** The answer to a preflight: whatever method and headers the page asks for, from its own origin. */
export function preflightHeaders(request: MockRequest): Record<string, string> {
  return {
    'access-control-allow-origin': request.headers.origin!,
    'access-control-allow-credentials': 'true',
    'access-control-allow-methods': request.headers['access-control-request-method']!,
    'access-control-allow-headers': request.headers['access-control-request-headers'] || DEFAULT_ALLOWED_HEADERS,
    'access-control-max-age': PREFLIGHT_MAX_AGE_SECONDS,
    vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
  };
}

/** CORS headers for an actual answer, exposing the answer's own headers (`WWW-Authenticate`, `Allow`...). */
export function corsHeaders(request: MockRequest, responseHeaders: Record<string, string>): Record<string, string> {
  const origin = request.headers.origin;
  if (origin === undefined) return {};
  const exposed = Object.keys(responseHeaders).filter((name) => !SAFELISTED.has(name));
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    vary: 'Origin',
    ...(exposed.length > 0 ? { 'access-control-expose-headers': exposed.join(', ') } : {}),
  };
}
