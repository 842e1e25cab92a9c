import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIV3_1 } from 'openapi-types';
import { parameterValue } from '../cases/parameters';

type Parameter = OpenAPIV3_1.ParameterObject;
type Json = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Dredd refuses a required URI parameter without `example` or `default` (it ignores `examples:` and the schema). */
const needsExample = (parameter: Parameter) =>
  (parameter.in === 'path' || (parameter.in === 'query' && parameter.required === true)) &&
  parameter.example === undefined;

/** The node a local `$ref` points at (the only kind left after bundling), or the node itself. */
function resolveLocal<T>(document: Json, node: unknown): T {
  const ref = (node as Json | undefined)?.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return node as T;
  const keys = ref
    .slice(2)
    .split('/')
    .map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
  return keys.reduce<unknown>((at, key) => (at as Json | undefined)?.[key], document) as T;
}

/** Every parameter object of a bundled document, path-level and operation-level. */
function parametersOf(document: Json): Parameter[] {
  const lists = Object.values((document.paths ?? {}) as Record<string, Json>).flatMap((item) => [
    item.parameters,
    ...METHODS.map((method) => (item[method] as Json | undefined)?.parameters),
  ]);
  return lists.flatMap((list) =>
    Array.isArray(list)
      ? list.map((entry) => resolveLocal<Parameter | undefined>(document, entry)).filter((p) => p !== undefined)
      : [],
  );
}

/**
 * The spec as Dredd can run it: where a required URI parameter has no `example`, one is set
 * from its `examples` or its schema (the value the Jest suite sends too). Returns the spec's
 * own path when nothing needs setting; otherwise a bundled JSON copy in `folder`.
 */
export async function specForDredd(specPath: string, folder: string): Promise<string> {
  const document = (await SwaggerParser.bundle(specPath)) as unknown as Json;
  const missing = parametersOf(document).filter(needsExample);
  if (missing.length === 0) return specPath;
  for (const parameter of missing) {
    const schema = resolveLocal<Parameter['schema']>(document, parameter.schema);
    parameter.example = parameterValue({ ...parameter, ...(schema === undefined ? {} : { schema }) });
  }
  const copy = join(folder, 'openapi.json');
  writeFileSync(copy, JSON.stringify(document));
  return copy;
}
