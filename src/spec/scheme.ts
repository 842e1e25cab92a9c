import type { SpecDocument } from './document';
import { securityOf } from './documented';
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
  const alternatives = securityOf(document, operation);
  if (alternatives.length === 0 || alternatives.some((alternative) => alternative.length === 0)) return undefined;
  const scheme = alternatives[0]![0]!.scheme as Scheme;
  return {
    type: scheme.type,
    ...(scheme.scheme === undefined ? {} : { scheme: scheme.scheme.toLowerCase() }),
    ...(scheme.in === undefined ? {} : { in: scheme.in, name: scheme.name! }),
  };
}
