// Reading message heads from bytes as they arrive: complete, incomplete, and refused.
import { HEAD_LIMIT, readRequestHead, readResponseHead } from '../../../src/proxy/http1/head';

const bytes = (text: string) => Buffer.from(text, 'latin1');

describe('a request head', () => {
  it('is read with its pairs as sent, its framing and its size', () => {
    const text = 'POST /webhooks?x=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\nX-Two: 1\r\nx-two: 2\r\n\r\n{}';
    expect(readRequestHead(bytes(text))).toEqual({
      start: ['POST', '/webhooks?x=1', 'HTTP/1.1'],
      raw: ['Host', 'a', 'Content-Length', '2', 'X-Two', '1', 'x-two', '2'],
      framing: { kind: 'length', length: 2 },
      closes: false,
      size: text.length - 2,
    });
  });

  it('is incomplete until its blank line, whatever the split', () => {
    const text = 'GET / HTTP/1.1\r\nHost: a\r\n\r\n';
    for (let cut = 1; cut < text.length; cut++) expect(readRequestHead(bytes(text.slice(0, cut)))).toBeUndefined();
    expect(readRequestHead(bytes(text))).toMatchObject({ framing: { kind: 'none' }, size: text.length });
  });

  it.each([
    ['chunked', 'Transfer-Encoding: chunked', { kind: 'chunked' }],
    ['repeated equal lengths', 'Content-Length: 3\r\nContent-Length: 3', { kind: 'length', length: 3 }],
  ])('frames a body: %s', (_name, headers, framing) => {
    expect(readRequestHead(bytes(`POST / HTTP/1.1\r\n${headers}\r\n\r\n`))).toMatchObject({ framing });
  });

  it.each([
    ['Connection: close on 1.1', 'HTTP/1.1', 'Connection: close', true],
    ['1.0 without keep-alive', 'HTTP/1.0', 'X: y', true],
    ['1.0 with keep-alive', 'HTTP/1.0', 'Connection: Keep-Alive', false],
    ['1.1 by default', 'HTTP/1.1', 'X: y', false],
  ])('says whether the connection ends after it: %s', (_name, version, header, closes) => {
    expect(readRequestHead(bytes(`GET / ${version}\r\n${header}\r\n\r\n`))).toMatchObject({ closes });
  });

  it.each([
    ['garbage, at once', '{"url":', 400],
    ['an unknown method, at once', 'BREW /pot', 400],
    ['a lower-case method', 'get / HTTP/1.1\r\n\r\n', 400],
    ['a target with a space', 'GET /a b HTTP/1.1\r\n\r\n', 400],
    ['HTTP/2.0', 'GET / HTTP/2.0\r\n\r\n', 400],
    ['both Transfer-Encoding and Content-Length (smuggling)', 'POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n', 400],
    ['a coding other than chunked', 'POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n', 400],
    ['lengths that disagree', 'POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n', 400],
    ['a length that is not a number', 'POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n', 400],
    ['a folded header', 'GET / HTTP/1.1\r\nX: a\r\n  b\r\n\r\n', 400],
    ['a space before the colon', 'GET / HTTP/1.1\r\nX : a\r\n\r\n', 400],
    ['a bare LF in a header', 'GET / HTTP/1.1\r\nX: a\nY: b\r\n\r\n', 400],
    ['a control character in a value', 'GET / HTTP/1.1\r\nX: a\x01b\r\n\r\n', 400],
    ['a head over the limit, complete', `GET / HTTP/1.1\r\nX: ${'a'.repeat(HEAD_LIMIT)}\r\n\r\n`, 431],
    ['a head over the limit, still coming', `GET / HTTP/1.1\r\nX: ${'a'.repeat(HEAD_LIMIT)}`, 431],
  ])('is refused: %s', (_name, text, status) => {
    expect(readRequestHead(bytes(text))).toMatchObject({ status });
  });
});

describe("an answer's head", () => {
  it('reads status and reason; a body without length or chunks runs to the close', () => {
    expect(readResponseHead(bytes('HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n\r\n'), 'POST')).toMatchObject({
      start: ['HTTP/1.1', '201', 'Created'],
      framing: { kind: 'close' },
      closes: true,
    });
  });

  it.each([
    ['HEAD', 200, 'none'],
    ['GET', 204, 'none'],
    ['GET', 304, 'none'],
    ['POST', 100, 'none'],
    ['GET', 200, 'length'],
  ])('knows when there is no body: %s answered %d', (method, status, kind) => {
    expect(readResponseHead(bytes(`HTTP/1.1 ${status} X\r\nContent-Length: 5\r\n\r\n`), method)).toMatchObject({ framing: { kind } });
  });

  it('is a bad gateway when it is not HTTP', () => {
    expect(readResponseHead(bytes('SSH-2.0-OpenSSH\r\n\r\n'), 'GET')).toMatchObject({ status: 502 });
    expect(readResponseHead(bytes('HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n'), 'GET')).toMatchObject({ status: 502 });
  });
});
