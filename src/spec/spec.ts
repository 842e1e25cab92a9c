import { HarnessError } from '../platform/harness-error';
import type { SpecDocument } from './document';
import { dereferenceLocal } from './dereference';
import { listOperations, type Operation } from './operations';

/** A loaded spec: where it came from, its document with every `$ref` resolved, and its operations. */
export interface Spec {
  source: string;
  document: SpecDocument;
  operations: Operation[];
}

/** Why a spec could not be used, said so that the reader knows what to fix. */
export class SpecError extends HarnessError {
  constructor(
    readonly source: string,
    readonly reason: string,
  ) {
    super(`cannot use the spec ${source}: ${reason}`);
    this.name = 'SpecError';
  }
}

export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A spec from a parsed document, without I/O: local `$ref`s only (one file, as a bundler writes
 * it), checked for OpenAPI 3.1 but not validated against the OpenAPI schema as `loadSpec` does.
 * For the MSW handlers, which may run in a browser.
 */
export function specOf(document: object, source = '(in-memory document)'): Spec {
  const version = (document as { openapi?: unknown }).openapi;
  if (typeof version !== 'string' || !version.startsWith('3.1.'))
    throw new SpecError(source, `expected OpenAPI 3.1.x, found ${String(version)}`);
  try {
    const dereferenced = dereferenceLocal(document) as SpecDocument;
    return { source, document: dereferenced, operations: listOperations(dereferenced) };
  } catch (error) {
    throw new SpecError(source, reasonOf(error));
  }
}
