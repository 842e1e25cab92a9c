import type { OpenAPIV3_1 } from 'openapi-types';
import type { SpecDocument } from './load';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** One operation of a dereferenced spec. */
export interface Operation {
  method: string;
  path: string;
  /** The operationId, or `METHOD path` where the spec gives none. */
  id: string;
  definition: OpenAPIV3_1.OperationObject;
}

/** Every operation in the spec, in document order. */
export function listOperations(document: SpecDocument): Operation[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const definition = item?.[method];
      if (definition === undefined) return [];
      const id = definition.operationId ?? `${method.toUpperCase()} ${path}`;
      return [{ method, path, id, definition }];
    }),
  );
}

/** How a person names an operation in a message: `POST /webhooks`. */
export function describeOperation(operation: Operation): string {
  return `${operation.method.toUpperCase()} ${operation.path}`;
}
