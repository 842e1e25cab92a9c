// The registry: every check, in the order reports list them. A check's name is what users see.
import type { Check, CheckContext, Failure } from './check';
import { contentTypeConformance } from './content_type_conformance';
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
import type { Exchange } from '../send';

export const CHECKS: readonly Check[] = [
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
];

/**
 * Applies the registered checks to exchanges: per-exchange checks to each one, run checks to all
 * of them together; `scope` limits it to one kind (the Dredd hooks see one exchange at a time).
 */
export function applyChecks(exchanges: Exchange[], context: CheckContext, scope?: Check['scope']): Failure[] {
  return CHECKS.filter((c) => scope === undefined || c.scope === scope).flatMap((c) => {
    if (c.scope === 'run') return c.run(exchanges, context);
    return exchanges.flatMap((exchange) => {
      const finding = c.run(exchange, context);
      return finding === undefined ? [] : [{ check: c.name, exchange, ...finding }];
    });
  });
}

export type { Check, CheckContext, Failure, Finding } from './check';
