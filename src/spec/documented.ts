// What an operation documents, in the project's own model: its responses with their media types,
// schemas and example names, its request body, and its security alternatives. Read off the
// dereferenced document once per operation; the mock's stages and the proxy use these.
import type { OpenAPIV3_1 } from 'openapi-types';
import type { SpecDocument } from './document';
import { documentedCode } from './http';
import type { Operation } from './operations';
import { rememberedFor, rememberedPer } from './remember';
import type { JsonSchema } from './validate';

/** One media type of a response or request body. */
export interface MediaContent {
  /** As written in the spec: `application/json`. */
  mediaType: string;
  schema?: JsonSchema;
  /** The names of its examples (`Prefer: example=`): `default` for its `example` (else its schema's first), then each of `examples`. */
  exampleKeys: string[];
}

/** A response as documented: its code as written (`201`, `4XX`, `default`) and its media types. */
export interface DocumentedResponse {
  code: string;
  contents: MediaContent[];
}

/** A request body as documented. */
export interface DocumentedBody {
  required: boolean;
  contents: MediaContent[];
}

/** A security scheme as the spec defines it under `components.securitySchemes`. */
export type SecurityScheme = OpenAPIV3_1.SecuritySchemeObject;

/** One scheme of a security requirement, with the scopes (OAuth 2) or roles (any other scheme) the requirement names. */
export interface SecurityRequirement {
  scheme: SecurityScheme;
  scopes: string[];
}

/** As Prism names them, since its mocker finds them by these names. */
function exampleKeysOfMedia(media: OpenAPIV3_1.MediaTypeObject): string[] {
  const schemaExamples = (media.schema as { examples?: unknown[] } | undefined)?.examples;
  const fallback = 'example' in media ? (media.example as unknown) : schemaExamples?.[0];
  return [...(fallback === undefined ? [] : ['default']), ...Object.keys(media.examples ?? {})];
}

function contentsOf(content: Record<string, OpenAPIV3_1.MediaTypeObject> | undefined): MediaContent[] {
  return Object.entries(content ?? {}).map(([mediaType, media]) => ({
    mediaType,
    ...(media.schema === undefined ? {} : { schema: media.schema }),
    exampleKeys: exampleKeysOfMedia(media),
  }));
}

/** The operation's documented responses, in document order. */
export const responsesOf = rememberedFor((operation: Operation): DocumentedResponse[] =>
  Object.entries((operation.definition.responses ?? {}) as Record<string, OpenAPIV3_1.ResponseObject>).map(
    ([code, response]) => ({ code, contents: contentsOf(response.content) }),
  ),
);

/** The status codes the spec documents for an operation, as written (`201`, `4XX`, `default`). */
export const documentedCodes = rememberedFor((operation: Operation): readonly string[] =>
  responsesOf(operation).map((response) => response.code),
);

/** The documented response for a status, as written: exact code, then a range such as `4XX`, then `default`. */
export const documentedResponse = rememberedPer(
  (operation: Operation, status: number): OpenAPIV3_1.ResponseObject | undefined => {
    const code = documentedCode(documentedCodes(operation), status);
    return code === undefined
      ? undefined
      : (operation.definition.responses as Record<string, OpenAPIV3_1.ResponseObject>)[code];
  },
);

/** The operation's request body, or undefined when it documents none. */
export const requestBodyOf = rememberedFor((operation: Operation): DocumentedBody | undefined => {
  const body = operation.definition.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
  return body === undefined ? undefined : { required: body.required === true, contents: contentsOf(body.content) };
});

/** Every example name a response documents, across its media types. */
export const exampleKeysOf = (response: DocumentedResponse): string[] =>
  response.contents.flatMap((content) => content.exampleKeys);

/** OAuth 2 flows in the order Prism reads them, each with the URLs it must have to count. */
const FLOWS: [name: string, urls: string[]][] = [
  ['password', ['tokenUrl']],
  ['implicit', ['authorizationUrl']],
  ['authorizationCode', ['authorizationUrl', 'tokenUrl']],
  ['clientCredentials', ['tokenUrl']],
];

/** The scopes a requirement asks of a scheme: for OAuth 2, those its flows define (in Prism's order of flows). */
function scopesOf(scheme: SecurityScheme, named: string[]): string[] {
  if (scheme.type !== 'oauth2') return named;
  const flows = scheme.flows as Record<string, Record<string, unknown> | undefined>;
  const defined = FLOWS.flatMap(([name, urls]) => {
    const flow = flows[name];
    if (flow === undefined || urls.some((url) => typeof flow[url] !== 'string')) return [];
    return Object.keys((flow.scopes as object | undefined) ?? {});
  });
  return [...new Set(defined.filter((scope) => named.includes(scope)))];
}

/**
 * The operation's security alternatives (its own `security`, else the document's): any one must
 * be met entirely; an empty alternative allows anonymous access. Unknown scheme names are left out.
 */
export const securityOf = rememberedPer((document: SpecDocument, operation: Operation): SecurityRequirement[][] => {
  const schemes = (document.components?.securitySchemes ?? {}) as Record<string, SecurityScheme>;
  return (operation.definition.security ?? document.security ?? []).map((requirement) =>
    Object.entries(requirement).flatMap(([name, scopes]) => {
      const scheme = schemes[name];
      return scheme === undefined ? [] : [{ scheme, scopes: scopesOf(scheme, scopes) }];
    }),
  );
});
