import type { SpecDocument } from '../spec/document';
import type { ValidateValue } from '../spec/validate';
import type { Exchange, RunError } from './exchange';

/** What a failed check says: what is wrong, and what the spec expected instead. */
export interface Finding {
  message: string;
  expected: string;
}

/** A check that failed on one exchange: the unit of every report. */
export interface Failure extends Finding {
  check: string;
  exchange: Exchange;
}

export interface CheckContext {
  document: SpecDocument;
  validate: ValidateValue;
  /** How far a server-made time may be from the request's (--clock-skew), in milliseconds. */
  clockSkewMs: number;
  /** The requests of the run that got no answer (every_request_answered). */
  unanswered?: RunError[];
  /** The checks the run applies (--checks, --exclude-checks); default every registered one. */
  checks?: readonly Check[];
}

/**
 * A check of one exchange on its own. Its name is what users see in reports. `appliesTo` says
 * whether an answer gives it anything to judge: a check that judged nothing is reported as not
 * checked, never as passed.
 */
/** What a check needs beside an answer, so that the proxy (which only observes traffic) knows which apply. */
interface Needs {
  /** It judges only the cases verify designs for it (combined faults, limits, near misses, forms). */
  designedCases?: true;
  /** It judges the answer against what the request should get, which credentials the server refused leave unknown. */
  expectation?: true;
}

export interface ExchangeCheck extends Needs {
  name: string;
  description: string;
  scope: 'exchange';
  appliesTo(exchange: Exchange, context: CheckContext): boolean;
  /** Called only on exchanges it applies to. */
  run(exchange: Exchange, context: CheckContext): Finding | undefined;
}

/** A check across every exchange of a run it applies to (uniqueness, say). */
export interface RunCheck extends Needs {
  name: string;
  description: string;
  scope: 'run';
  appliesTo(exchange: Exchange, context: CheckContext): boolean;
  run(exchanges: Exchange[], context: CheckContext): Failure[];
}

export type Check = ExchangeCheck | RunCheck;
