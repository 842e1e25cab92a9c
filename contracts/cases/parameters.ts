import type { OpenAPIV3_1 } from 'openapi-types';
import { sampleOf } from './schema';
import { type Schema } from '../../src/spec/schema';

/**
 * The value a request uses for a parameter, as OpenAPI lets a spec give it: the parameter's
 * `example`, the first of its `examples`, else from its schema (example, default, a sample).
 */
export function parameterValue(parameter: OpenAPIV3_1.ParameterObject): unknown {
  if (parameter.example !== undefined) return parameter.example;
  const first = Object.values(parameter.examples ?? {})[0] as OpenAPIV3_1.ExampleObject | undefined;
  if (first?.value !== undefined) return first.value;
  const schema = (parameter.schema ?? {}) as Schema & { default?: unknown };
  return schema.default ?? sampleOf(schema);
}
