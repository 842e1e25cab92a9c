import type { JSONSchema7 } from 'json-schema';
import { sample } from 'openapi-sampler';
import type { JsonSchema } from '../spec/validate';
import type { Minted } from './mint';

type Schema = {
  type?: string | string[];
  format?: string;
  readOnly?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function typeOf(schema: Schema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((type) => type !== 'null') : schema.type;
}

/** A value the server sets itself (a read-only property): timestamps are now, ids are fresh. */
function mintValue(schema: Schema, minted: Minted): unknown {
  const type = typeOf(schema);
  if (type === 'string' && (schema.format === 'date-time' || schema.format === undefined || schema.format === 'uuid')) {
    return schema.format === 'date-time' ? minted.now : minted.newId();
  }
  if (type === 'string' && schema.format === 'date') return minted.now.slice(0, 10);
  if (type === 'integer' || type === 'number') return minted.serial;
  return sample(schema as JSONSchema7, { skipReadOnly: false, quiet: true });
}

/**
 * The body of a success answer made from what the request sent: read-only properties are
 * minted, properties the request carries are echoed, other required ones come from the schema's
 * examples. The spec decides which is which; no field is named here.
 */
export function reflectRequest(schema: JsonSchema, requestBody: unknown, minted: Minted): unknown {
  const shape = schema as Schema;
  if (shape.properties === undefined) return sample(schema, { quiet: true });
  const required = new Set(shape.required ?? []);
  const body: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(shape.properties)) {
    let value: unknown;
    if (property.readOnly === true) value = mintValue(property, minted);
    else if (isObject(requestBody) && Object.hasOwn(requestBody, name)) value = requestBody[name];
    else if (required.has(name)) value = sample(property as JSONSchema7, { quiet: true });
    if (value !== undefined) Object.defineProperty(body, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return body;
}
