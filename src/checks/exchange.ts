// What every check judges: a case, the request as it was sent, and the answer (or why none came).
import type { Case } from './case';

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Received {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The body parsed, when it is JSON; undefined otherwise. */
  json?: unknown;
}

/** A case sent and answered. */
export interface Exchange {
  case: Case;
  request: SentRequest;
  response: Received;
  /** When the request was sent (milliseconds since the epoch), to judge server-made times. */
  sentAt: number;
  ms: number;
}

/** A case that got no answer: an error of the run, not a failed check. */
export interface RunError {
  case: Case;
  request: SentRequest;
  /** `not sent`: the run reached its overall time limit first. */
  kind: 'refused' | 'reset' | 'timeout' | 'other' | 'not sent';
  message: string;
}

export function isRunError(result: Exchange | RunError): result is RunError {
  return 'kind' in result;
}

/** The body parsed, when its Content-Type says JSON and it parses; undefined otherwise. */
export function parseJson(text: string, contentType: string | undefined): unknown {
  if (!/json/i.test(contentType ?? '') || text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
