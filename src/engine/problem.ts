import { PROBLEM_JSON } from '../spec/http';
import { STATUS_CODES } from 'node:http';
import type { Violation } from '../spec/huma';

/** An error answer as data; `renderProblem` turns it into problem+json in one place. */
export interface ErrorAnswer {
  status: number;
  detail: string;
  errors?: Violation[];
  /** Extra response headers the status calls for (`Allow`, `WWW-Authenticate`). */
  headers?: Record<string, string>;
}

/** An HTTP answer before it is written: what every stage of the mock hands on. */
export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** RFC 9457 problem details in Huma's error model: `title` is the status's reason phrase. */
export function renderProblem(problem: ErrorAnswer): MockResponse {
  const body: Record<string, unknown> = {
    title: STATUS_CODES[problem.status] ?? 'Error',
    status: problem.status,
    detail: problem.detail,
  };
  if (problem.errors !== undefined && problem.errors.length > 0) body.errors = problem.errors;
  return { status: problem.status, headers: { 'content-type': PROBLEM_JSON, ...problem.headers }, body };
}

/** The answer to a body over the limit, from every face of the mock. */
export const bodyTooLarge = (limit: number): ErrorAnswer => ({
  status: 413,
  detail: `request body is larger than ${limit} bytes`,
});
