import { documentedResponse } from '../spec/documented';
import type { OpenAPIV3_1 } from 'openapi-types';
import type { Schema } from '../spec/schema';
import { mediaTypeOf } from '../spec/http';
import { rememberedPer } from '../spec/remember';
import type { JsonSchema } from '../spec/validate';
import { expectedStatuses } from './case';
import type { Exchange } from './exchange';

/** The answer's media type, without parameters. */
export const answerMediaType = (exchange: Exchange): string => mediaTypeOf(exchange.response.headers['content-type']);

/** The documented schema for the answer's status and media type, if any. */
export function documentedSchema(exchange: Exchange): JsonSchema | undefined {
  const response = documentedResponse(exchange.case.operation, exchange.response.status);
  return response === undefined ? undefined : schemaFor(response, answerMediaType(exchange));
}

// A server may send any media type: at most this many are remembered per response.
const MEDIA_TYPES_REMEMBERED = 32;
const schemaFor = rememberedPer(
  (response: OpenAPIV3_1.ResponseObject, type: string): JsonSchema | undefined =>
    Object.entries(response.content ?? {}).find(([documented]) => documented.toLowerCase() === type)?.[1].schema,
  MEDIA_TYPES_REMEMBERED,
);

/**
 * The documented schema's properties that `keep` selects, worked out once per schema and
 * selector (a function defined once, at module level): several checks ask it of every answer.
 */
export function documentedProperties(exchange: Exchange, keep: (property: Schema) => boolean): [string, Schema][] {
  const schema = documentedSchema(exchange) as Schema | undefined;
  return schema === undefined ? [] : propertiesFor(schema, keep);
}

const propertiesFor = rememberedPer((schema: Schema, keep: (property: Schema) => boolean) =>
  Object.entries(schema.properties ?? {}).filter(([, property]) => keep(property)),
);

export const isSuccess = (status: number) => status >= 200 && status < 300;

/** A 500 asked of a mock counts only when the target says it applied the preference (RFC 7240). */
export function preferenceApplied(exchange: Exchange): boolean {
  return /\bcode=/.test(exchange.response.headers['preference-applied'] ?? '');
}

/** The statuses this exchange should have got, or undefined when the case cannot be judged by status. */
export function statusesExpected(exchange: Exchange): readonly number[] | undefined {
  if (exchange.case.expectation === 'server-error' && !preferenceApplied(exchange)) return undefined;
  return expectedStatuses(exchange.case.operation, exchange.case.expectation);
}
