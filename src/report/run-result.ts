// A verify run as the reports see it: the settings it ran with and what it found. The proxy's
// session makes the same result from live traffic, so one set of writers serves both.
import type { Case } from '../checks/case';
import type { Failure, Judged } from '../checks';
import type { Exchange, RunError } from '../checks/exchange';
import type { CheckSelection } from '../checks/select';
import type { CoverageRow } from './coverage';

/** What a run uses where a flag leaves a setting out. */
export const VERIFY_DEFAULTS = {
  timeoutMs: 5000,
  randomBodies: 10,
  concurrency: 4,
  overallMs: 120_000,
  clockSkewMs: 300_000,
} as const;

/** Everything a verification run needs to know. */
export interface VerifySettings extends CheckSelection {
  specPath: string;
  baseUrl: string;
  /** Sent with every case that needs valid credentials. */
  token?: string;
  forbiddenToken?: string;
  seed: number;
  timeoutMs: number;
  /** Random valid bodies per operation, on top of the derived ones. */
  randomBodies: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** The whole run stops sending after this long, whatever is left. */
  overallMs: number;
  /** How far a server-made time may be from the request's (--clock-skew). */
  clockSkewMs: number;
  /** Show how far the run is on standard error (set when it is a terminal). */
  progress?: boolean;
}

export interface RunResult {
  settings: VerifySettings;
  cases: Case[];
  exchanges: Exchange[];
  failures: Failure[];
  /** What each check judged, by check name. */
  judged: Record<string, Judged>;
  errors: RunError[];
  coverage: CoverageRow[];
  /** Credentials to show as `$VARIABLE`s in reports, when not the settings' tokens (the proxy's traffic). */
  secrets?: Record<string, string>;
  /** A setup mistake that makes the findings meaningless (see setup.ts). */
  setupProblem?: string;
  durationMs: number;
}
