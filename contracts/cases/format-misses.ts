import { parse } from 'fast-uri';

// Strings one step outside a `format`, derived from the structure of a valid value as a parser of
// that format reads it: for a URI, fast-uri (the parser Ajv itself uses) splits it into scheme,
// authority, path, query and fragment, and the scheme and the host get a character RFC 3986
// refuses there; for a date-time, each RFC 3339 field one past its range. Each is a candidate
// only: the schema says (with Ajv) whether it breaks the format and nothing else.
//
// Not the path, query or fragment: RFC 3986 refuses `%zz`, `<` or a second `#` there, but the
// parsers servers use do not (Go's net/url, which Huma validates `uri` with, and WHATWG's URL),
// so a right implementation would be failed for what every real one accepts.

/** A string near a format's valid values, named after the part of the format it breaks. */
export interface FormatMiss {
  title: string;
  value: string;
}

const URI_FORMATS = new Set(['uri', 'uri-reference', 'iri', 'iri-reference']);

/** The URI's parts, put back together with one of them replaced. */
type UriParts = {
  scheme: string;
  authority: string | undefined;
  path: string;
  query: string | undefined;
  fragment: string | undefined;
};
const written = (parts: UriParts) =>
  `${parts.scheme}:${parts.authority === undefined ? '' : `//${parts.authority}`}${parts.path}${parts.query === undefined ? '' : `?${parts.query}`}${parts.fragment === undefined ? '' : `#${parts.fragment}`}`;

function uriMisses(valid: string): FormatMiss[] {
  const parsed = parse(valid);
  if (parsed.error !== undefined || parsed.scheme === undefined) return [];
  const host = parsed.host ?? '';
  const userinfo = parsed.userinfo === undefined ? '' : `${parsed.userinfo}@`;
  const port = parsed.port === undefined ? '' : `:${parsed.port}`;
  const parts: UriParts = {
    scheme: parsed.scheme,
    authority: parsed.host === undefined ? undefined : `${userinfo}${host}${port}`,
    path: parsed.path ?? '',
    query: parsed.query,
    fragment: parsed.fragment,
  };
  const middle = Math.ceil(host.length / 2);
  const withHost = (text: string) => written({ ...parts, authority: `${userinfo}${text}${port}` });
  const misses: FormatMiss[] = [
    { title: 'its scheme starting with a digit', value: written({ ...parts, scheme: `1${parts.scheme.slice(1)}` }) },
    {
      title: 'a "_" in its scheme',
      value: written({ ...parts, scheme: `${parts.scheme.slice(0, 1)}_${parts.scheme.slice(1)}` }),
    },
  ];
  if (parts.authority !== undefined && host !== '') {
    misses.push(
      { title: 'a space inside its host', value: withHost(`${host.slice(0, middle)} ${host.slice(middle)}`) },
      { title: 'an unclosed "[" before its host', value: withHost(`[${host}`) },
      { title: 'a "%" without two hex digits in its host', value: withHost(`${host}%g`) },
      { title: 'a port that is not a number', value: written({ ...parts, authority: `${userinfo}${host}:8a` }) },
    );
  }
  return misses;
}

// RFC 3339's date-time, its fields captured: year, month, day, hour, minute, second, fraction, offset.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})([Tt ])(\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function dateTimeMisses(valid: string): FormatMiss[] {
  const match = DATE_TIME.exec(valid);
  if (match === null) return [];
  const [, year, month, day, t, hour, minute, second, fraction = '', offset] = match;
  const at = (changes: Partial<Record<'month' | 'day' | 'hour' | 'minute' | 'second' | 'offset' | 't', string>>) => {
    const f = { month, day, hour, minute, second, offset, t, ...changes };
    return `${year}-${f.month}-${f.day}${f.t}${f.hour}:${f.minute}:${f.second}${fraction}${f.offset}`;
  };
  return [
    { title: 'month 13', value: at({ month: '13' }) },
    { title: 'month 00', value: at({ month: '00' }) },
    { title: 'day 32', value: at({ day: '32' }) },
    { title: 'hour 24', value: at({ hour: '24' }) },
    { title: 'minute 60', value: at({ minute: '60' }) },
    { title: 'second 61', value: at({ second: '61' }) },
    { title: 'an offset of 24 hours', value: at({ offset: '+24:00' }) },
    { title: 'no offset', value: at({ offset: '' }) },
    { title: 'a "/" between date and time', value: at({ t: '/' }) },
  ];
}

/** Strings one step outside `format`, from the structure of `valid`; none for a format this does not know. */
export function formatMisses(format: string, valid: string): FormatMiss[] {
  if (URI_FORMATS.has(format)) return uriMisses(valid);
  if (format === 'date-time') return dateTimeMisses(valid);
  return [];
}
