import { documentedCodes } from '../spec/documented';
import type { Operation } from '../spec/operations';
import { rememberedPer } from '../spec/remember';
import type { Scheme } from '../spec/scheme';

/** What the spec says a case should get: accepted, or refused for a reason. */
export type Expectation = 'accept' | 'invalid' | 'malformed' | 'unauthenticated' | 'forbidden' | 'server-error';

/** Which credentials a case carries; the token itself is only known when the run starts. */
export type Credentials = 'valid' | 'none' | 'unknown-token' | 'forbidden';

/** How the credentials are written, where not as the scheme says (`Bearer <token>`): see cases/auth.ts. */
export interface CredentialForm {
  /** The scheme word as written (`bearer`, `Basic`); default the scheme's own. */
  scheme?: string;
  /** Between the scheme and the token; default one space. */
  gap?: string;
  /** The token (or API key) left out. */
  noToken?: true;
  /** Written after the token. */
  after?: string;
}

/**
 * The deeper classes of cases, each judged by a check of its own: faults combined to test the
 * order of checks, several violations at once, both sides of a limit, near misses of valid
 * values, request forms a valid client may send, requests framed without a body, and forms of
 * the credentials the RFCs allow.
 */
export type Aspect = 'order' | 'several' | 'boundary' | 'near-miss' | 'form' | 'framing' | 'auth-form';

/** A violation a schema-breaking body should be reported with, as the error model places it. */
export interface ExpectedViolation {
  location: string;
  /** The value Huma shows (the value checked), absent where there is none to show. */
  value?: unknown;
}

/** One request to send and what it should get. */
export interface Case {
  /** Stable and readable: `create-webhook/invalid/url-pattern`. */
  id: string;
  /** What a person reads in a report: `url does not match its pattern`. */
  title: string;
  operation: Operation;
  expectation: Expectation;
  credentials: Credentials;
  /** Absent when the operation needs no credentials. */
  scheme?: Scheme;
  /** How the credentials are written, when not the scheme's plain form. */
  form?: CredentialForm;
  /** The JSON value sent, when the body is JSON. */
  value?: unknown;
  /** The raw body, when it is not JSON (malformed cases) or there is none (`''`). */
  raw?: string;
  /** Extra request headers, such as `Prefer` for answers only a mock can be asked for. */
  headers?: Record<string, string>;
  /** Default request headers to leave out (`accept`). */
  omitHeaders?: string[];
  /** Send header names in Title-Case, as some clients do. */
  titleCaseHeaders?: boolean;
  /** The deeper class the case belongs to; its own check judges it instead of expected_status. */
  aspect?: Aspect;
  /** For a body that breaks the schema: every violation it should be reported with. */
  violations?: ExpectedViolation[];
}

/**
 * The statuses a case should get, by HTTP semantics: a schema violation is 422 where the spec
 * documents it (else 400), a malformed body 400 (else 422), 401 and 403 for credentials, 2xx
 * for valid data. No domain knowledge: only what the status codes mean. Every answer of a run
 * asks this: worked out once per operation and expectation.
 */
export const expectedStatuses: (operation: Operation, expectation: Expectation) => readonly number[] = rememberedPer(
  (operation: Operation, expectation: Expectation) => Object.freeze(statusesFor(operation, expectation)),
);

function statusesFor(operation: Operation, expectation: Expectation): number[] {
  const documented = documentedCodes(operation)
    .filter((code) => /^\d{3}$/.test(code))
    .map(Number);
  const first = (...preferred: number[]) => {
    const found = preferred.find((status) => documented.includes(status));
    return found === undefined ? [] : [found];
  };
  switch (expectation) {
    case 'accept':
      return documented.filter((status) => status >= 200 && status < 300);
    case 'invalid':
      return first(422, 400);
    case 'malformed':
      return first(400, 422);
    case 'unauthenticated':
      return first(401);
    case 'forbidden':
      return first(403);
    case 'server-error':
      return first(500);
  }
}
