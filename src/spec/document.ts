import type { OpenAPIV3_1 } from 'openapi-types';

/** An OpenAPI 3.1 document. */
export type SpecDocument = OpenAPIV3_1.Document;
