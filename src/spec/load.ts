import SwaggerParser from '@apidevtools/swagger-parser';
// The operations module alone: the package index would also load Prism's mocker (about 1 s).
import { getHttpOperationsFromSpec } from '@stoplight/prism-http/dist/utils/operations';
import type { IHttpOperation } from '@stoplight/types';
import type { OpenAPIV3_1 } from 'openapi-types';

/** An OpenAPI 3.1 document. */
export type SpecDocument = OpenAPIV3_1.Document;

/** A loaded spec: where it came from, its document with every `$ref` resolved, and its operations as Prism models them. */
export interface Spec {
  source: string;
  document: SpecDocument;
  operations: IHttpOperation[];
}

/** Why a spec could not be used, said so that the reader knows what to fix. */
export class SpecError extends Error {
  constructor(
    readonly source: string,
    readonly reason: string,
  ) {
    super(`cannot use the spec ${source}: ${reason}`);
    this.name = 'SpecError';
  }
}

type SpecInput = string | object;

function describe(input: SpecInput): string {
  return typeof input === 'string' ? input : '(in-memory document)';
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
    return { source, document, operations: await getHttpOperationsFromSpec(structuredClone(document)) };
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
