import type { SentRequest } from '../send';

/** Secrets shown as shell variables: the report says `$KAITEN_TOKEN`, never the token. */
export type Secrets = Record<string, string>;

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

function masked(value: string, secrets: Secrets): string | undefined {
  for (const [variable, secret] of Object.entries(secrets)) {
    if (secret !== '' && value.includes(secret)) return value.split(secret).join(`$${variable}`);
  }
  return undefined;
}

/** A header value as a report shows it, secrets replaced by their variable names. */
export function showHeader(value: string, secrets: Secrets): string {
  return masked(value, secrets) ?? value;
}

/** A curl command that sends exactly this request again (secrets read from the environment). */
export function toCurl(request: SentRequest, secrets: Secrets): string {
  const parts = ['curl -sS -i', `-X ${request.method}`, quote(request.url)];
  for (const [name, value] of Object.entries(request.headers)) {
    const hidden = masked(value, secrets);
    parts.push('-H', hidden === undefined ? quote(`${name}: ${value}`) : `"${name}: ${hidden.replace(/(["\\`])/g, '\\$1')}"`);
  }
  if (request.body !== undefined) parts.push('--data-binary', quote(request.body));
  return parts.join(' ');
}
