import type { DreddTransaction } from 'hooks';
import type { Case } from '../case';
import { expectedStatuses } from '../case';
import type { CheckContext, Failure } from '../checks';
import type { Exchange, Target } from '../send';

/**
 * What the Dredd hooks share with the run that started Dredd: Dredd loads the hook file in this
 * same process, so this module is the one place both sides meet.
 */
export interface DreddSession {
  target: Target;
  cases: Case[];
  context: CheckContext;
  /** Whether the target applies `Prefer: code=` (a mock), so a 500 can be asked of it. */
  answersPreferences: boolean;
  hooksLoaded: boolean;
  exchanges: Exchange[];
  failures: Failure[];
  /** Cases chosen per transaction, by transaction name. */
  chosen: Map<string, Case>;
  skipped: { transaction: string; reason: string }[];
}

// A global, not module state: the compiled hook file may load its own copy of this module.
const KEY = Symbol.for('kaiten-webhooks-harness.dredd-session');
const slot = globalThis as typeof globalThis & { [KEY]?: DreddSession };

export function openSession(session: Omit<DreddSession, 'hooksLoaded' | 'exchanges' | 'failures' | 'chosen' | 'skipped'>): DreddSession {
  slot[KEY] = { ...session, hooksLoaded: false, exchanges: [], failures: [], chosen: new Map(), skipped: [] };
  return slot[KEY];
}

export function currentSession(): DreddSession {
  const session = slot[KEY];
  if (session === undefined) throw new Error('the Dredd hooks were loaded outside `kaiten-webhooks verify`');
  return session;
}

const templateToPattern = (path: string) => new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`);

/**
 * The case that makes a real server answer the transaction's status: the request example for
 * a 2xx, a malformed body for 400, no credentials for 401, and so on (see expectedStatuses).
 */
export function caseForTransaction(session: DreddSession, transaction: DreddTransaction): Case | string {
  const status = Number(transaction.expected.statusCode);
  const path = transaction.request.uri.split('?')[0]!;
  const candidates = session.cases.filter(
    (c) => c.operation.method === transaction.request.method.toLowerCase() && templateToPattern(c.operation.path).test(path) && expectedStatuses(c.operation, c.expectation).includes(status),
  );
  const chosen = candidates.find((c) => c.expectation !== 'server-error' || session.answersPreferences);
  if (chosen !== undefined) return chosen;
  if (candidates.length > 0) return `a real server cannot be asked for ${status}; only a mock that applies Prefer: code=${status}`;
  if (status === 403) return 'no token without the scope was given (--forbidden-token)';
  return `no request derived from the spec makes a server answer ${status}`;
}
