import SwaggerParser from '@apidevtools/swagger-parser';
import { listOperations } from './operations';
import { reasonOf, SpecError, type Spec } from './spec';
import { type SpecDocument } from './document';

type SpecInput = string | object;

function describe(input: SpecInput): string {
  return typeof input === 'string' ? input : '(in-memory document)';
}

/**
 * Reads, validates against the OpenAPI schema and dereferences a spec, once. This is the only
 * place that reads a spec; everything else works on the returned document.
 * @example const { document } = await loadSpec('spec/openapi.yaml');
 */
export async function loadSpec(input: SpecInput): Promise<Spec> {
  const source = describe(input);
  // swagger-parser dereferences in place: never hand it the caller's object.
  const target = typeof input === 'string' ? input : structuredClone(input);
  let document: SpecDocument;
  try {
    document = (await SwaggerParser.validate(target as never)) as SpecDocument;
  } catch (error) {
    throw new SpecError(source, reasonOf(error));
  }
  if (!document.openapi.startsWith('3.1.')) {
    throw new SpecError(source, `expected OpenAPI 3.1.x, found ${document.openapi}`);
  }
  try {
    return { source, document, operations: listOperations(document) };
  } catch (error) {
    throw new SpecError(source, reasonOf(error));
  }
}

/** Reads a spec as written, `$ref`s left in place (to inspect or copy it, not to serve it). */
export async function readSpec(path: string): Promise<SpecDocument> {
  try {
    return (await SwaggerParser.parse(path)) as SpecDocument;
  } catch (error) {
    throw new SpecError(path, reasonOf(error));
  }
}
