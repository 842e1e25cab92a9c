import type { OpenAPIV3_1 } from 'openapi-types';
import type { SpecDocument } from './document';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** One operation of a dereferenced spec. */
export interface Operation {
  method: string;
  path: string;
  /** The operationId, or `METHOD path` where the spec gives none. */
  id: string;
  definition: OpenAPIV3_1.OperationObject;
}

/** Every operation in the spec, in document order (paths, then each path's methods as written). */
export function listOperations(document: SpecDocument): Operation[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.keys(item ?? {}).flatMap((key) => {
      const method = METHODS.find((known) => known === key);
      const own = method === undefined ? undefined : item?.[method];
      if (method === undefined || own === undefined) return [];
      const id = own.operationId ?? `${method.toUpperCase()} ${path}`;
      // Parameters of the path apply to each of its operations, unless the operation redefines one (same name and place).
      const shared = (item?.parameters ?? []) as OpenAPIV3_1.ParameterObject[];
      const mine = (own.parameters ?? []) as OpenAPIV3_1.ParameterObject[];
      const inherited = shared.filter((p) => !mine.some((m) => m.name === p.name && m.in === p.in));
      const definition = inherited.length === 0 ? own : { ...own, parameters: [...inherited, ...mine] };
      return [{ method, path, id, definition }];
    }),
  );
}

/** How a person names an operation in a message: `POST /webhooks`. */
export function describeOperation(operation: Operation): string {
  return `${operation.method.toUpperCase()} ${operation.path}`;
}
