import { BODY } from '../../src/spec/huma';
import type { Case } from '../../src/checks/case';

type FramingCase = Pick<Case, 'expectation' | 'raw' | 'headers' | 'omitHeaders' | 'aspect' | 'violations'> & {
  title: string;
};

/** Half of the valid body's JSON text: unparseable, and realistic (a client cut off mid-body). */
export function malformedText(base: unknown): string {
  const text = JSON.stringify(base);
  return text.slice(0, Math.ceil(text.length / 2));
}

/**
 * Bodies that are not JSON values: malformed JSON (400, reported by Huma as one violation at the
 * body valued the raw text), and requests without a body in each way a client frames one, which
 * Huma answers before it looks at the Content-Type: 400 when the body is required, else as no
 * body at all. The plain empty body is judged by expected_status, the other framings by
 * request_framing.
 */
export function framingCases(base: unknown, required: boolean): FramingCase[] {
  const malformed = malformedText(base);
  const empty = required ? ('malformed' as const) : ('accept' as const);
  const framing = (title: string, rest: Omit<FramingCase, 'title' | 'expectation' | 'aspect'>): FramingCase => ({
    title,
    expectation: empty,
    aspect: 'framing',
    ...rest,
  });
  return [
    {
      title: 'malformed JSON',
      expectation: 'malformed',
      raw: malformed,
      violations: [{ location: BODY, value: malformed }],
    },
    ...(required ? [{ title: 'an empty body', expectation: 'malformed' as const, raw: '' }] : []),
    framing('no body and no Content-Type', { raw: '', omitHeaders: ['content-type'] }),
    framing('no body with Content-Type: text/plain', { raw: '', headers: { 'content-type': 'text/plain' } }),
    framing('an empty chunked body (no Content-Length)', { raw: '', headers: { 'transfer-encoding': 'chunked' } }),
    framing('a body of whitespace only', { raw: ' \r\n\t ' }),
  ];
}
