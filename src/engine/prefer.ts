import type { ErrorAnswer } from './problem';
import { firstQueryValue, type MockRequest } from './request';

/** What the caller asked the mock for, Prism-style: `Prefer: code=422, example=insecure-url`. */
export interface Preferences {
  code?: number;
  example?: string;
  dynamic?: boolean;
  /** Extra milliseconds before answering, for loading states. */
  delay?: number;
}

export type PreferenceResult = { ok: true; preferences: Preferences } | { ok: false; problem: ErrorAnswer };

export const MAX_DELAY_MS = 60_000;
const NAMES = ['code', 'example', 'dynamic', 'delay'] as const;
type Name = (typeof NAMES)[number];

/** RFC 7240 preferences, `name[=value]` separated by commas or semicolons; unknown ones are ignored. */
function fromHeader(header: string | undefined): Partial<Record<Name, string>> {
  const found: Partial<Record<Name, string>> = {};
  for (const token of (header ?? '').split(/[,;]/)) {
    const [rawName = '', ...rest] = token.split('=');
    const name = rawName.trim().toLowerCase() as Name;
    if (!NAMES.includes(name)) continue;
    const value = rest
      .join('=')
      .trim()
      .replace(/^"(.*)"$/, '$1');
    found[name] = rest.length === 0 && name === 'dynamic' ? 'true' : value;
  }
  return found;
}

type Parsed<T> = { value: T } | { error: string };

const PARSERS: { [K in Name]: (raw: string) => Parsed<NonNullable<Preferences[K]>> } = {
  code: (raw) =>
    /^[1-5]\d\d$/.test(raw) ? { value: Number(raw) } : { error: `code=${raw} is not an HTTP status code (100-599)` },
  example: (raw) => (raw !== '' ? { value: raw } : { error: 'example= needs the name of a documented example' }),
  dynamic: (raw) =>
    /^(true|false)$/i.test(raw)
      ? { value: raw.toLowerCase() === 'true' }
      : { error: `dynamic=${raw} is neither true nor false` },
  delay: (raw) =>
    /^\d{1,6}$/.test(raw) && Number(raw) <= MAX_DELAY_MS
      ? { value: Number(raw) }
      : { error: `delay=${raw} is not a whole number of milliseconds from 0 to ${MAX_DELAY_MS}` },
};

const QUERY_NAMES = Object.fromEntries(NAMES.map((name) => [name, `__${name}`])) as Record<Name, string>;
// Most requests ask for nothing: one shared, frozen answer for them.
const NOTHING_ASKED: PreferenceResult = Object.freeze({ ok: true, preferences: Object.freeze({}) });
const hasQuery = (request: MockRequest) => {
  for (const _name in request.query) return true;
  return false;
};

/** Reads the `Prefer` header and the `__code`, `__example`, `__dynamic`, `__delay` query parameters (which win). */
export function readPreferences(request: MockRequest): PreferenceResult {
  if (request.headers.prefer === undefined && !hasQuery(request)) return NOTHING_ASKED;
  const raw = fromHeader(request.headers.prefer);
  for (const name of NAMES) {
    const fromQuery = firstQueryValue(request, QUERY_NAMES[name]);
    if (fromQuery !== undefined) raw[name] = fromQuery;
  }
  const preferences: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const name of NAMES) {
    const value = raw[name];
    if (value === undefined) continue;
    const parsed = PARSERS[name](value);
    if ('error' in parsed) errors.push(parsed.error);
    else preferences[name] = parsed.value;
  }
  if (errors.length > 0)
    return { ok: false, problem: { status: 400, detail: `invalid mock preference: ${errors.join('; ')}` } };
  return { ok: true, preferences: preferences };
}
