import { transformOas3Operations } from '@stoplight/http-spec/oas3/operation';
import { bundleTarget, decycle } from '@stoplight/json';
import type { IHttpOperation } from '@stoplight/types';

/**
 * A dereferenced OpenAPI 3 document's operations as Prism models them: what Prism's own
 * `getHttpOperationsFromSpec` does after its dereference (which needs I/O, so is left to the
 * caller). A cycle in the document becomes a `$ref` inside the operation that needs it.
 */
export function operationsOf(document: object): IHttpOperation[] {
  const acyclic = decycle(document) as Record<string, unknown>;
  return transformOas3Operations(acyclic as never).map(
    (operation) =>
      bundleTarget({
        document: { ...acyclic, __target__: operation },
        path: '#/__target__',
        cloneDocument: false,
      }) as IHttpOperation,
  );
}
