import type { JSONSchema7 } from 'json-schema';
import { sample } from 'openapi-sampler';
import type { JsonSchema } from '../spec/validate';
import type { Minted } from './mint';
import { rememberedFor } from '../spec/remember';

type Schema = {
  type?: string | string[];
  format?: string;
  readOnly?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

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

/** How each property of a success body is made, worked out once per schema. */
type Plan = { name: string; property: Schema; made: 'minted' | 'echoed' | 'echoed or sampled' }[];
const planOf = rememberedFor((shape: Schema & { properties: Record<string, Schema> }): Plan => {
  const required = new Set(shape.required ?? []);
  return Object.entries(shape.properties).map(([name, property]) => ({
    name,
    property,
    made: property.readOnly === true ? 'minted' : required.has(name) ? 'echoed or sampled' : 'echoed',
  }));
});

/**
 * The body of a success answer made from what the request sent: read-only properties are
 * minted, properties the request carries are echoed, other required ones come from the schema's
 * examples. The spec decides which is which; no field is named here.
 */
export function reflectRequest(schema: JsonSchema, requestBody: unknown, minted: Minted): unknown {
  const shape = schema as Schema;
  if (shape.properties === undefined) return sample(schema, { quiet: true });
  const sent = isObject(requestBody) ? requestBody : undefined;
  const body: Record<string, unknown> = {};
  for (const { name, property, made } of planOf(shape as Schema & { properties: Record<string, Schema> })) {
    let value: unknown;
    if (made === 'minted') value = mintValue(property, minted);
    else if (sent !== undefined && Object.hasOwn(sent, name)) value = sent[name];
    else if (made === 'echoed or sampled') value = sample(property as JSONSchema7, { quiet: true });
    if (value === undefined) continue;
    // A property named __proto__ must become an own property, not the object's prototype.
    if (name === '__proto__')
      Object.defineProperty(body, name, { value, enumerable: true, writable: true, configurable: true });
    else body[name] = value;
  }
  return body;
}
