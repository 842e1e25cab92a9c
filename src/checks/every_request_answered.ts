import type { Exchange, RunError } from './exchange';
import type { Failure, RunCheck } from './check';

/** An unanswered request as the report shows it: what was sent, and no answer. */
const withoutAnswer = (error: RunError): Exchange => ({
  case: error.case,
  request: error.request,
  response: { status: 0, headers: {}, text: '' },
  sentAt: 0,
  ms: 0,
});

/** Whether a run error is the target's doing: a request that was sent and got no complete answer. */
export const isUnanswered = (error: RunError): boolean => error.kind !== 'not sent';

/**
 * A target that answers requests answers every one: one it leaves without an answer (a
 * timeout, a reset or refused connection) while it answers others is broken, not unreachable.
 * A run where nothing was answered stays an error of the run (exit 2).
 */
export const everyRequestAnswered: RunCheck = {
  name: 'every_request_answered',
  description: 'a target that answers requests answers every one of them (no timeout, reset or refused connection)',
  scope: 'run',
  // It judges what verify sent; the proxy reports a request its upstream left unanswered itself.
  designedCases: true,
  appliesTo: () => true,
  run: (exchanges, { unanswered = [] }): Failure[] =>
    exchanges.length === 0
      ? []
      : unanswered.filter(isUnanswered).map((error) => ({
          check: 'every_request_answered',
          exchange: withoutAnswer(error),
          message: `no answer (${error.kind}: ${error.message})`,
          expected: 'an answer, as the target gave other requests',
        })),
};
