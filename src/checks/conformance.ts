import type { ExchangeCheck } from './check';
import { contentTypeConformance } from './content_type_conformance';
import { problemDetailsConformance } from './problem_details_conformance';
import { responseSchemaConformance } from './response_schema_conformance';
import { statusCodeConformance } from './status_code_conformance';

/**
 * The checks that hold an answer to the spec alone, whatever the request: a documented status, a
 * documented media type, the schema, a problem's status. The mock applies them to its own
 * answers (in a browser too, under MSW: nothing here needs Node).
 */
export const CONFORMANCE_CHECKS: readonly ExchangeCheck[] = [
  statusCodeConformance,
  contentTypeConformance,
  responseSchemaConformance,
  problemDetailsConformance,
];
