import type { DreddTransaction } from 'hooks';
import { templatePattern } from '../../src/spec/http';
import type { Case } from '../../src/checks/case';
import { expectedStatuses } from '../../src/checks/case';
import type { CheckContext } from '../../src/checks';
import { whyNotExercised } from '../../src/report/coverage';
import type { Progress } from '../../src/report/progress';
import type { Target } from '../send';
import type { Exchange } from '../../src/checks/exchange';

/**
 * What the Dredd hooks share with the run that started Dredd: Dredd loads the hook file in this
 * same process, so this module is the one place both sides meet.
 */
export interface DreddSession {
  target: Target;
  cases: Case[];
  context: CheckContext;
  hasForbiddenToken: boolean;
  /** Whether the target applies `Prefer: code=` (a mock), so a 500 can be asked of it. */
  answersPreferences: boolean;
  hooksLoaded: boolean;
  /** Every transaction Dredd ran, in order, by name. */
  transactions: string[];
  /** Cases chosen per transaction, by transaction name. */
  chosen: Map<string, Case>;
  /** Answers, by transaction name. */
  answered: Map<string, Exchange>;
  /** Why a transaction was skipped, by transaction name. */
  skipped: Map<string, string>;
  /** Transactions Dredd will run, once it says (beforeAll). */
  total: number;
  progress: Progress;
}

// A global, not module state: the compiled hook file may load its own copy of this module.
const KEY = Symbol.for('kaiten-webhooks-harness.dredd-session');
const slot = globalThis as typeof globalThis & { [KEY]?: DreddSession };

export function openSession(
  session: Pick<DreddSession, 'target' | 'cases' | 'context' | 'answersPreferences' | 'progress'> & {
    hasForbiddenToken: boolean;
  },
): DreddSession {
  slot[KEY] = {
    ...session,
    hooksLoaded: false,
    transactions: [],
    chosen: new Map(),
    answered: new Map(),
    skipped: new Map(),
    total: 0,
  };
  return slot[KEY];
}

export function currentSession(): DreddSession {
  const session = slot[KEY];
  if (session === undefined) throw new Error('the Dredd hooks were loaded outside `kaiten-webhooks verify`');
  return session;
}

const templateToPattern = (path: string) => templatePattern(path).pattern;

/**
 * The case that makes a real server answer the transaction's status: the request example for
 * a 2xx, a malformed body for 400, no credentials for 401, and so on (see expectedStatuses); or,
 * in the words of the coverage table, why there is none.
 */
export function caseForTransaction(session: DreddSession, transaction: DreddTransaction): Case | string {
  const status = Number(transaction.expected.statusCode);
  const path = transaction.request.uri.split('?')[0]!;
  const candidates = session.cases.filter(
    (c) =>
      c.operation.method === transaction.request.method.toLowerCase() &&
      templateToPattern(c.operation.path).test(path) &&
      expectedStatuses(c.operation, c.expectation).includes(status),
  );
  const chosen = candidates.find((c) => c.expectation !== 'server-error' || session.answersPreferences);
  if (chosen !== undefined) return chosen;
  const operation = session.cases.find(
    (c) =>
      c.operation.method === transaction.request.method.toLowerCase() && templateToPattern(c.operation.path).test(path),
  )?.operation;
  const why =
    operation === undefined
      ? undefined
      : whyNotExercised(operation, String(status), session.cases, [], [], session.hasForbiddenToken);
  return why ?? 'not exercised: no case aims at it';
}
