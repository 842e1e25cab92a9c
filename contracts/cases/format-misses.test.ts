import { formatMisses } from './format-misses';

describe('formatMisses', () => {
  it("breaks a URI's scheme and host, each part as fast-uri reads it, and leaves the rest as it was", () => {
    expect(formatMisses('uri', 'https://hooks.example.com:8443/a?x=1#f')).toEqual([
      { title: 'its scheme starting with a digit', value: '1ttps://hooks.example.com:8443/a?x=1#f' },
      { title: 'a "_" in its scheme', value: 'h_ttps://hooks.example.com:8443/a?x=1#f' },
      { title: 'a space inside its host', value: 'https://hooks.exa mple.com:8443/a?x=1#f' },
      { title: 'an unclosed "[" before its host', value: 'https://[hooks.example.com:8443/a?x=1#f' },
      { title: 'a "%" without two hex digits in its host', value: 'https://hooks.example.com%g:8443/a?x=1#f' },
      { title: 'a port that is not a number', value: 'https://hooks.example.com:8a/a?x=1#f' },
    ]);
  });

  it('has no host to break in a URI without an authority', () => {
    expect(formatMisses('uri', 'urn:isbn:0451450523').map((miss) => miss.title)).toEqual([
      'its scheme starting with a digit',
      'a "_" in its scheme',
    ]);
  });

  it('puts each RFC 3339 field of a date-time one past its range', () => {
    const values = formatMisses('date-time', '2026-12-01T22:04:59.295Z').map((miss) => miss.value);
    expect(values).toEqual([
      '2026-13-01T22:04:59.295Z',
      '2026-00-01T22:04:59.295Z',
      '2026-12-32T22:04:59.295Z',
      '2026-12-01T24:04:59.295Z',
      '2026-12-01T22:60:59.295Z',
      '2026-12-01T22:04:61.295Z',
      '2026-12-01T22:04:59.295+24:00',
      '2026-12-01T22:04:59.295',
      '2026-12-01/22:04:59.295Z',
    ]);
  });

  it('derives nothing from a value it cannot parse, or from a format it does not know', () => {
    expect(formatMisses('uri', 'not a uri')).toEqual([]);
    expect(formatMisses('date-time', 'yesterday')).toEqual([]);
    expect(formatMisses('email', 'a@example.com')).toEqual([]);
  });
});
