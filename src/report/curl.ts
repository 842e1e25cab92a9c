import type { SentRequest } from '../checks/exchange';

/** Secrets shown as shell variables: the report says `$KAITEN_TOKEN`, never the token. */
export type Secrets = Record<string, string>;

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The value with each secret, where it stands as a whole credential (`Bearer s3cr3t`, `key=s3cr3t`), as `$VARIABLE`. */
function masked(value: string, secrets: Secrets): string | undefined {
  let result = value;
  for (const [variable, secret] of Object.entries(secrets)) {
    if (secret === '') continue;
    result = result.replace(new RegExp(`(^|[\\s=:;,])${escapeRegExp(secret)}(?=$|[\\s;,&])`, 'g'), `$1$${variable}`);
  }
  return result === value ? undefined : result;
}

/** A shell word: single-quoted, or double-quoted where a secret variable must expand. */
function shellWord(text: string, secrets: Secrets): string {
  if (masked(text, secrets) === undefined) return quote(text);
  const escaped = text.replace(/(["\\`$])/g, '\\$1');
  return `"${masked(escaped, secrets) ?? escaped}"`;
}

/** A header value as a report shows it, secrets replaced by their variable names. */
export function showHeader(value: string, secrets: Secrets): string {
  return masked(value, secrets) ?? value;
}

/** A curl command that sends exactly this request again (secrets read from the environment). */
export function toCurl(request: SentRequest, secrets: Secrets): string {
  const parts = ['curl -sS -i', `-X ${request.method}`, shellWord(request.url, secrets)];
  for (const [name, value] of Object.entries(request.headers))
    parts.push('-H', shellWord(`${name}: ${value}`, secrets));
  if (request.body !== undefined) parts.push('--data-binary', quote(request.body));
  return parts.join(' ');
}
