// Property-based valid bodies: fast-check draws bodies from the schema, each is sent and judged
// by the per-answer checks, and a failing body is shrunk to a minimal one before it is reported.
import fc from 'fast-check';
import type { Case } from '../src/checks/case';
import { validBodiesOf } from './cases/arbitrary';
import { applyChecks, type CheckContext } from '../src/checks';
import { sendCase, type Target } from './send';
import { isRunError, type Exchange, type RunError } from '../src/checks/exchange';

/** One operation's property: the schema of its body, a valid value to start from, and how to make a case of a body. */
export interface PropertyPlan {
  schema: object;
  base: unknown;
  make: (title: string, value: unknown) => Case;
}

export interface PropertyOutcome {
  /** The passing runs, then the minimal failing body (the one to report), if any. */
  exchanges: Exchange[];
  errors: RunError[];
}

/**
 * Runs `runs` property-based bodies against the target with fast-check, seeded with `seed` so a
 * run replays exactly. On the first failing body fast-check shrinks it, sending smaller bodies
 * while they still fail; the report gets the passing runs and the minimal failing body, titled
 * with the number of shrinking steps. Bounded by `timeLimitMs`.
 */
export async function runProperty(
  plan: PropertyPlan,
  runs: number,
  seed: number,
  target: Target,
  context: CheckContext,
  timeLimitMs: number,
): Promise<PropertyOutcome> {
  if (runs === 0) return { exchanges: [], errors: [] };
  const passing: Exchange[] = [];
  let failing: Exchange | RunError | undefined;
  let failed = false;
  let tried = 0;
  const property = fc.asyncProperty(validBodiesOf(plan.schema, plan.base, context.validate), async (value) => {
    const result = await sendCase(plan.make(`property-based valid body #${++tried}`, value), target);
    const ok = !isRunError(result) && applyChecks([result], context).failures.length === 0;
    if (ok && !failed) passing.push(result);
    if (!ok) {
      failed = true;
      failing = result; // fast-check tries smaller bodies next: the last failing one is the minimal
    }
    return ok;
  });
  const details = await fc.check(property, {
    seed,
    numRuns: runs,
    interruptAfterTimeLimit: timeLimitMs,
    markInterruptAsFailure: false,
  });
  if (failing === undefined) return { exchanges: passing, errors: [] };
  const title = `property-based valid body, shrunk in ${details.numShrinks} step(s) to the smallest that fails (replay: --seed ${seed})`;
  const minimal = { ...failing, case: { ...failing.case, id: `${failing.case.id}-minimal`, title } };
  return isRunError(minimal)
    ? { exchanges: passing, errors: [minimal] }
    : { exchanges: [...passing, minimal], errors: [] };
}
