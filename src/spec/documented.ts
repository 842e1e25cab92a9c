// What an operation documents, in the project's own model: its responses with their media types,
// schemas and example names, its request body, and its security alternatives. Read off the
// dereferenced document once per operation; the mock's stages and the proxy use these.
import type { OpenAPIV3_1 } from 'openapi-types';
import type { SpecDocument } from './document';
import type { Operation } from './operations';
import { rememberedFor, rememberedPer } from './remember';
import type { JsonSchema } from './validate';

/** One media type of a response or request body. */
export interface MediaContent {
  /** As written in the spec: `application/json`. */
  mediaType: string;
  schema?: JsonSchema;
  /** The names of its examples (`Prefer: example=`); a lone `example` is named `default`. */
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

function contentsOf(content: Record<string, OpenAPIV3_1.MediaTypeObject> | undefined): MediaContent[] {
  return Object.entries(content ?? {}).map(([mediaType, media]) => ({
    mediaType,
    ...(media.schema === undefined ? {} : { schema: media.schema }),
    exampleKeys: media.examples !== undefined ? Object.keys(media.examples) : 'example' in media ? ['default'] : [],
  }));
}

/** The operation's documented responses, in document order. */
export const responsesOf = rememberedFor((operation: Operation): DocumentedResponse[] =>
  Object.entries((operation.definition.responses ?? {}) as Record<string, OpenAPIV3_1.ResponseObject>).map(
    ([code, response]) => ({ code, contents: contentsOf(response.content) }),
  ),
);

/** The operation's request body, or undefined when it documents none. */
export const requestBodyOf = rememberedFor((operation: Operation): DocumentedBody | undefined => {
  const body = operation.definition.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
  return body === undefined ? undefined : { required: body.required === true, contents: contentsOf(body.content) };
});

/** Every example name a response documents, across its media types. */
export const exampleKeysOf = (response: DocumentedResponse): string[] =>
  response.contents.flatMap((content) => content.exampleKeys);

/** The scopes a requirement asks of a scheme: for OAuth 2, those its flows define, in their order. */
function scopesOf(scheme: SecurityScheme, named: string[]): string[] {
  if (scheme.type !== 'oauth2') return named;
  const defined = Object.values(scheme.flows).flatMap((flow: { scopes?: object } | undefined) =>
    Object.keys(flow?.scopes ?? {}),
  );
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
