import type { Secrets } from '../report/curl';
import type { SpecDocument } from '../spec/document';
import { secretNamesOf } from '../engine/control/state';

/** The credentials seen in traffic, each shown in reports as `$KAITEN_TOKEN`, `$KAITEN_TOKEN_2`, …, never as itself. */
export interface SeenCredentials {
  note(headers: Record<string, string>): void;
  all(): Secrets;
}

export function credentialsOf(document: SpecDocument): SeenCredentials {
  const named = secretNamesOf(document);
  const seen = new Map<string, string>();
  const keep = (value: string | undefined) => {
    if (value === undefined || value === '' || seen.has(value)) return;
    seen.set(value, seen.size === 0 ? 'KAITEN_TOKEN' : `KAITEN_TOKEN_${seen.size + 1}`);
  };
  return {
    note: (headers) => {
      // The credential is what follows the scheme (`Bearer s3cr3t`), or the whole value.
      const authorization = headers.authorization;
      if (authorization !== undefined) keep(/^\S+\s+(\S.*)$/.exec(authorization)?.[1] ?? authorization);
      for (const name of named) keep(headers[name]);
    },
    all: () => Object.fromEntries([...seen].map(([value, variable]) => [variable, value])),
  };
}
