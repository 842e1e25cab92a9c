import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';

/** A JSON Schema (2020-12), as OpenAPI 3.1 writes it. */
export type JsonSchema = object;

/** One way a value breaks a schema, at a JSON pointer into the value. */
export interface SchemaViolation {
  /** JSON pointer into the value (`''` for the value itself, `/eventNames/2` for an item). */
  pointer: string;
  keyword: string;
  params: Record<string, unknown>;
  message: string;
}

/** Checks a value against a schema; each schema is compiled once and then reused. */
export type ValidateValue = (schema: JsonSchema, value: unknown) => SchemaViolation[];

function toViolation(error: ErrorObject): SchemaViolation {
  return {
    pointer: error.instancePath,
    keyword: error.keyword,
    params: error.params as Record<string, unknown>,
    message: error.message ?? error.keyword,
  };
}

/**
 * One Ajv (draft 2020-12 with formats) per spec: OpenAPI keywords such as `example` are not
 * JSON Schema, hence `strict: false`.
 * @example const validate = createValidator(); validate({ type: 'string' }, 42); // one violation
 */
export function createValidator(): ValidateValue {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  const compiled = new WeakMap<JsonSchema, ValidateFunction>();
  return (schema, value) => {
    let check = compiled.get(schema);
    if (check === undefined) {
      check = ajv.compile(schema);
      compiled.set(schema, check);
    }
    return check(value) ? [] : (check.errors ?? []).map(toViolation);
  };
}
