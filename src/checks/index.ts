// The registry: every check, in the order reports list them. A check's name is what users see.
import type { Check, CheckContext, ExchangeCheck, Failure } from './check';
import { allViolationsReported } from './all_violations_reported';
import { authFormsAccepted } from './auth_forms_accepted';
import { boundaries } from './boundaries';
import { checkOrder } from './check_order';
import { contentTypeConformance } from './content_type_conformance';
import { errorLocation } from './error_location';
import { everyRequestAnswered } from './every_request_answered';
import { nearMissRejection } from './near_miss_rejection';
import { plausibleValues } from './plausible_values';
import { requestFormsAccepted } from './request_forms_accepted';
import { requestFraming } from './request_framing';
import { expectedStatus } from './expected_status';
import { ignoredAuth } from './ignored_auth';
import { negativeDataRejection } from './negative_data_rejection';
import { notAServerError } from './not_a_server_error';
import { positiveDataAcceptance } from './positive_data_acceptance';
import { problemDetailsConformance } from './problem_details_conformance';
import { responseReflectsRequest } from './response_reflects_request';
import { responseSchemaConformance } from './response_schema_conformance';
import { statusCodeConformance } from './status_code_conformance';
import { timestampsInOrder } from './timestamps_in_order';
import { uniqueIds } from './unique_ids';
import type { Exchange } from './exchange';

export const CHECKS: readonly Check[] = [
  everyRequestAnswered,
  notAServerError,
  statusCodeConformance,
  expectedStatus,
  contentTypeConformance,
  responseSchemaConformance,
  problemDetailsConformance,
  positiveDataAcceptance,
  negativeDataRejection,
  ignoredAuth,
  responseReflectsRequest,
  uniqueIds,
  timestampsInOrder,
  checkOrder,
  allViolationsReported,
  errorLocation,
  boundaries,
  nearMissRejection,
  requestFormsAccepted,
  requestFraming,
  authFormsAccepted,
  plausibleValues,
];

/** How much a check judged: answers (0: it had nothing to judge), and the time it took. */
export interface Judged {
  answers: number;
  ms: number;
}

/** What the checks made of a run: each failure, and what each check judged, by check name. */
export interface Checked {
  failures: Failure[];
  judged: Record<string, Judged>;
}

/** Applies every registered check to the exchanges it applies to: per-exchange checks one by one, run checks to their exchanges together. */
export function applyChecks(
  exchanges: Exchange[],
  context: CheckContext,
  checks: readonly Check[] = context.checks ?? CHECKS,
): Checked {
  const judged: Record<string, Judged> = {};
  const failures = checks.flatMap((check) => {
    const started = performance.now();
    const applicable = exchanges.filter((exchange) => check.appliesTo(exchange, context));
    const found =
      check.scope === 'run'
        ? check.run(applicable, context)
        : applicable.flatMap((exchange) => {
            const finding = check.run(exchange, context);
            return finding === undefined ? [] : [{ check: check.name, exchange, ...finding }];
          });
    judged[check.name] = { answers: applicable.length, ms: performance.now() - started };
    return found;
  });
  return { failures, judged };
}

/**
 * Applies per-exchange checks to one exchange, adding to running totals: what a proxy does for
 * each answer as it passes. One clock reading per check, no arrays made per answer.
 */
export function judgeExchange(
  exchange: Exchange,
  context: CheckContext,
  checks: readonly ExchangeCheck[],
  into: Checked,
): void {
  let last = performance.now();
  for (const check of checks) {
    if (!check.appliesTo(exchange, context)) continue;
    const finding = check.run(exchange, context);
    if (finding !== undefined) into.failures.push({ check: check.name, exchange, ...finding });
    const now = performance.now();
    tally(into.judged, check.name, now - last);
    last = now;
  }
}

/** Counts one judgement by a check, and the time it took. */
export function tally(judged: Record<string, Judged>, name: string, ms: number): void {
  const seen = (judged[name] ??= { answers: 0, ms: 0 });
  seen.answers++;
  seen.ms += ms;
}

export type { Check, CheckContext, Failure, Finding } from './check';
