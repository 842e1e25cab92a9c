import type { OpenAPIV3_1 } from 'openapi-types';
import type { SpecDocument } from './document';
import { describeOperation, listOperations, type Operation } from './operations';

type MediaTypes = Record<string, OpenAPIV3_1.MediaTypeObject>;

/** A named example of a request or response body, with the schema it must satisfy. */
export interface NamedExample {
  operation: Operation;
  /** `request`, or the response's status code as written in the spec (`201`, `422`, `default`). */
  status: string;
  mediaType: string;
  name: string;
  value: unknown;
  schema: OpenAPIV3_1.SchemaObject | undefined;
}

function fromContent(operation: Operation, status: string, content: MediaTypes | undefined): NamedExample[] {
  return Object.entries(content ?? {}).flatMap(([mediaType, media]) =>
    Object.entries(media.examples ?? {}).map(([name, example]) => ({
      operation,
      status,
      mediaType,
      name,
      value: (example as OpenAPIV3_1.ExampleObject).value as unknown,
      schema: media.schema,
    })),
  );
}

/** Every named example in a dereferenced spec: request bodies first, then responses. */
export function listExamples(document: SpecDocument): NamedExample[] {
  return listOperations(document).flatMap((operation) => {
    const body = operation.definition.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
    const responses = Object.entries(operation.definition.responses ?? {}) as [string, OpenAPIV3_1.ResponseObject][];
    return [
      ...fromContent(operation, 'request', body?.content),
      ...responses.flatMap(([status, response]) => fromContent(operation, status, response.content)),
    ];
  });
}

/** Where an example stands, as a person reads it: `POST /webhooks 422 example "insecure-url"`. */
export function describeExample(example: NamedExample): string {
  return `${describeOperation(example.operation)} ${example.status} ${example.mediaType} example "${example.name}"`;
}
