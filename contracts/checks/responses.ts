import type { OpenAPIV3_1 } from 'openapi-types';
import type { Schema } from '../cases/schema';
import { documentedCode, mediaTypeOf as mediaTypeOfHeader } from '../../src/spec/http';
import type { Operation } from '../../src/spec/operations';
import type { JsonSchema } from '../../src/spec/validate';
import { expectedStatuses } from '../case';
import type { Exchange } from '../send';

/** The documented response for a status: exact code, then a range such as `4XX`, then `default`. */
export function documentedResponse(operation: Operation, status: number): OpenAPIV3_1.ResponseObject | undefined {
  // Every check asks this of every answer: looked up once per operation and status.
  let byStatus = lookedUp.get(operation.definition);
  if (byStatus === undefined) lookedUp.set(operation.definition, (byStatus = new Map<number, OpenAPIV3_1.ResponseObject | undefined>()));
  if (byStatus.has(status)) return byStatus.get(status);
  const responses = (operation.definition.responses ?? {}) as Record<string, OpenAPIV3_1.ResponseObject>;
  const code = documentedCode(Object.keys(responses), status);
  const found = code === undefined ? undefined : responses[code];
  byStatus.set(status, found);
  return found;
}

const lookedUp = new WeakMap<object, Map<number, OpenAPIV3_1.ResponseObject | undefined>>();

/** The answer's media type, without parameters. */
export const mediaTypeOf = (exchange: Exchange): string => mediaTypeOfHeader(exchange.response.headers['content-type']);

/** The documented schema for the answer's status and media type, if any. */
export function documentedSchema(exchange: Exchange): JsonSchema | undefined {
  const response = documentedResponse(exchange.case.operation, exchange.response.status);
  if (response === undefined) return undefined;
  // Asked by several checks of every answer: looked up once per response and media type.
  let byType = schemas.get(response);
  if (byType === undefined) schemas.set(response, (byType = new Map<string, JsonSchema | undefined>()));
  const type = mediaTypeOf(exchange);
  if (byType.has(type)) return byType.get(type);
  const schema = Object.entries(response.content ?? {}).find(([documented]) => documented.toLowerCase() === type)?.[1].schema;
  if (byType.size < MEDIA_TYPES_REMEMBERED) byType.set(type, schema); // a server may send any media type: the memory stays bounded
  return schema;
}

const schemas = new WeakMap<object, Map<string, JsonSchema | undefined>>();
const MEDIA_TYPES_REMEMBERED = 32;

/**
 * The documented schema's properties that `keep` selects, worked out once per schema and
 * selector (a function defined once, at module level): several checks ask it of every answer.
 */
export function documentedProperties(exchange: Exchange, keep: (property: Schema) => boolean): [string, Schema][] {
  const schema = documentedSchema(exchange) as Schema | undefined;
  if (schema?.properties === undefined) return [];
  let bySelector = selected.get(schema);
  if (bySelector === undefined) selected.set(schema, (bySelector = new Map<(property: Schema) => boolean, [string, Schema][]>()));
  let found = bySelector.get(keep);
  if (found === undefined) bySelector.set(keep, (found = Object.entries(schema.properties).filter(([, property]) => keep(property))));
  return found;
}

const selected = new WeakMap<object, Map<(property: Schema) => boolean, [string, Schema][]>>();

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

export const PROBLEM_JSON = 'application/problem+json';
