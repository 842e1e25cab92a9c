import type { SpecDocument } from './document';
import type { Operation } from './operations';

/** How the operation takes credentials, from its first security requirement. */
export interface Scheme {
  type: string;
  /** For `http` schemes: `bearer`, `basic`. */
  scheme?: string;
  /** For `apiKey` schemes: where, and under which name. */
  in?: string;
  name?: string;
}

/** The scheme of the operation's first security requirement, unless anonymous access is allowed. */
export function schemeOf(document: SpecDocument, operation: Operation): Scheme | undefined {
  const requirements = operation.definition.security ?? document.security ?? [];
  if (requirements.length === 0 || requirements.some((requirement) => Object.keys(requirement).length === 0))
    return undefined;
  const name = Object.keys(requirements[0]!)[0]!;
  const scheme = document.components?.securitySchemes?.[name] as Scheme | undefined;
  return scheme === undefined
    ? undefined
    : {
        type: scheme.type,
        ...(scheme.scheme === undefined ? {} : { scheme: scheme.scheme.toLowerCase() }),
        ...(scheme.in === undefined ? {} : { in: scheme.in, name: scheme.name! }),
      };
}
