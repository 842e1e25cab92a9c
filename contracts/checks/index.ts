// The registry: every check, in the order reports list them. A check's name is what users see.
import type { Check } from './check';
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

export type { Check, CheckContext, Failure, Finding } from './check';
