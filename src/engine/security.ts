import type { SecurityRequirement, SecurityScheme } from '../spec/documented';
import type { ErrorAnswer } from './problem';
import { firstQueryValue, type MockRequest } from './request';

/** Which tokens (or API keys) the mock accepts: any non-empty one when `tokens` is empty. */
export interface AuthPolicy {
  tokens: ReadonlySet<string>;
  /** Tokens that identify a caller who lacks the operation's scopes: answered 403. */
  forbiddenTokens: ReadonlySet<string>;
}

// RFC 6750 token68 syntax: anything else after "Bearer" is a malformed credential.
const BEARER = /^bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

function unauthorized(detail: string, challenge: string): ErrorAnswer {
  return { status: 401, detail, headers: { 'www-authenticate': challenge } };
}

function checkBearer(scopes: string[], request: MockRequest, policy: AuthPolicy): ErrorAnswer | undefined {
  const header = request.headers.authorization;
  if (header === undefined || header.trim() === '') {
    return unauthorized('missing bearer token: send an Authorization: Bearer <token> header', 'Bearer');
  }
  const token = BEARER.exec(header)?.[1];
  if (token === undefined) {
    const scheme = header.trim().split(/\s/)[0];
    const why = /^bearer$/i.test(scheme ?? '')
      ? 'the bearer token is empty or malformed'
      : `expected the Bearer scheme, not "${scheme}"`;
    return unauthorized(`invalid Authorization header: ${why}`, 'Bearer error="invalid_token"');
  }
  if (policy.forbiddenTokens.has(token)) {
    const detail =
      scopes.length > 0 ? `missing scope: ${scopes.join(' ')}` : 'the token is not allowed to call this operation';
    return {
      status: 403,
      detail,
      headers: { 'www-authenticate': `Bearer error="insufficient_scope", scope="${scopes.join(' ')}"` },
    };
  }
  if (policy.tokens.size > 0 && !policy.tokens.has(token)) {
    return unauthorized('invalid bearer token: the token is unknown or expired', 'Bearer error="invalid_token"');
  }
  return undefined;
}

function checkApiKey(
  scheme: Extract<SecurityScheme, { type: 'apiKey' }>,
  scopes: string[],
  request: MockRequest,
  policy: AuthPolicy,
): ErrorAnswer | undefined {
  const { name } = scheme;
  const values: Record<string, string | undefined> = {
    header: request.headers[name.toLowerCase()],
    query: firstQueryValue(request, name),
    cookie: new RegExp(`(?:^|;\\s*)${name.replace(/[^\w-]/g, '\\$&')}=([^;]+)`).exec(request.headers.cookie ?? '')?.[1],
  };
  const key = values[scheme.in];
  const challenge = `ApiKey name="${name}"`;
  if (!key) return unauthorized(`missing API key: send ${name} in the ${scheme.in}`, challenge);
  if (policy.forbiddenTokens.has(key)) {
    return {
      status: 403,
      detail:
        scopes.length > 0 ? `missing scope: ${scopes.join(' ')}` : 'the key is not allowed to call this operation',
    };
  }
  if (policy.tokens.size > 0 && !policy.tokens.has(key))
    return unauthorized(`invalid API key: ${name} is unknown or revoked`, challenge);
  return undefined;
}

function checkScheme(
  { scheme, scopes }: SecurityRequirement,
  request: MockRequest,
  policy: AuthPolicy,
): ErrorAnswer | undefined {
  switch (scheme.type) {
    case 'oauth2':
    case 'openIdConnect':
      return checkBearer(scopes, request, policy);
    case 'apiKey':
      return checkApiKey(scheme, scopes, request, policy);
    case 'http':
      if (scheme.scheme?.toLowerCase() === 'bearer') return checkBearer(scopes, request, policy);
      if (
        scheme.scheme?.toLowerCase() === 'basic' &&
        !/^basic +[A-Za-z0-9+/]+=*$/i.test(request.headers.authorization ?? '')
      ) {
        return unauthorized('missing basic credentials: send an Authorization: Basic <credentials> header', 'Basic');
      }
      return undefined;
    default:
      return undefined; // mutual TLS and the like cannot be emulated over plain HTTP
  }
}

/**
 * Checks the operation's security requirements (any one alternative must pass entirely) and
 * returns the 401 or 403 to send, or nothing. A caller known but lacking scope gets the 403.
 */
export function checkSecurity(
  alternatives: SecurityRequirement[][],
  request: MockRequest,
  policy: AuthPolicy,
): ErrorAnswer | undefined {
  if (alternatives.length === 0) return undefined;
  const failures: ErrorAnswer[] = [];
  for (const schemes of alternatives) {
    const failure = schemes
      .map((requirement) => checkScheme(requirement, request, policy))
      .find((problem) => problem !== undefined);
    if (failure === undefined) return undefined;
    failures.push(failure);
  }
  return failures.find((problem) => problem.status === 403) ?? failures[0];
}
