// Malformed and ambiguous requests from the published request-smuggling classes (CL.TE, TE.CL,
// TE.TE obfuscations, obs-fold, bare CR and LF, chunk-size overflow, invalid trailers, duplicate
// and conflicting lengths, whitespace before the colon, other protocols), as bytes (Latin-1).
// `refuse`: shapes the proxy's old readers let through (issue 21), which it must now refuse.

export interface Shape {
  name: string;
  bytes: string;
  refuse?: true;
}

const POST = 'POST /webhooks HTTP/1.1\r\nHost: x\r\n';
const chunked = (body: string, headers = 'Transfer-Encoding: chunked\r\n') => `${POST}${headers}\r\n${body}`;
const sized = (header: string, body = 'hello') => `${POST}${header}\r\n\r\n${body}`;
const SMUGGLED = 'GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n';

export const CORPUS: Shape[] = [
  // Controls: well-formed, each must reach the upstream as exactly one request.
  { name: 'control: Content-Length', bytes: sized('Content-Length: 5') },
  { name: 'control: chunked', bytes: chunked('5\r\nhello\r\n0\r\n\r\n') },
  {
    name: 'control: chunked with an extension and a trailer',
    bytes: chunked('5;name=value\r\nhello\r\n0\r\nX-Trailer: 1\r\n\r\n'),
  },
  { name: 'control: a GET with no body', bytes: 'GET /webhooks HTTP/1.1\r\nHost: x\r\n\r\n' },
  { name: 'control: obs-text in a value', bytes: `${POST}X-Name: caf\xe9\r\nContent-Length: 0\r\n\r\n` },
  {
    name: 'a chunked GET: its body framed, not read as a next request',
    bytes: `GET /webhooks HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n${SMUGGLED.length.toString(16)}\r\n${SMUGGLED}\r\n0\r\n\r\n`,
  },
  {
    name: 'Connection names Content-Length (hop-by-hop trick)',
    bytes: `GET /webhooks HTTP/1.1\r\nHost: x\r\nConnection: content-length\r\nContent-Length: ${SMUGGLED.length}\r\n\r\n${SMUGGLED}`,
  },
  {
    name: 'Connection names Transfer-Encoding',
    bytes: chunked('5\r\nhello\r\n0\r\n\r\n', 'Connection: transfer-encoding\r\nTransfer-Encoding: chunked\r\n'),
  },
  // CL.TE and TE.CL
  {
    name: 'CL.TE: Content-Length then Transfer-Encoding',
    bytes: sized('Content-Length: 6\r\nTransfer-Encoding: chunked', '0\r\n\r\nG'),
  },
  {
    name: 'TE.CL: Transfer-Encoding then Content-Length',
    bytes: sized('Transfer-Encoding: chunked\r\nContent-Length: 3', `8\r\nSMUGGLED\r\n0\r\n\r\n`),
  },
  { name: 'CL.TE with TE: identity', bytes: sized('Content-Length: 5\r\nTransfer-Encoding: identity') },
  // TE.TE obfuscations
  {
    name: 'TE twice: chunked and x',
    bytes: chunked('5\r\nhello\r\n0\r\n\r\n', 'Transfer-Encoding: chunked\r\nTransfer-Encoding: x\r\n'),
  },
  { name: 'TE: xchunked', bytes: chunked('5\r\nhello\r\n0\r\n\r\n', 'Transfer-Encoding: xchunked\r\n') },
  {
    name: 'TE: chunked, identity',
    bytes: chunked('5\r\nhello\r\n0\r\n\r\n', 'Transfer-Encoding: chunked, identity\r\n'),
  },
  { name: 'TE: "chunked" quoted', bytes: chunked('5\r\nhello\r\n0\r\n\r\n', 'Transfer-Encoding: "chunked"\r\n') },
  {
    name: 'TE: VT before chunked',
    bytes: chunked('5\r\nhello\r\n0\r\n\r\n', 'Transfer-Encoding: \x0bchunked\r\n'),
    refuse: true,
  },
  { name: 'TE: chunked then VT', bytes: chunked('5\r\nhello\r\n0\r\n\r\n', 'Transfer-Encoding: chunked\x0b\r\n') },
  { name: 'TE: NUL in the value', bytes: chunked('5\r\nhello\r\n0\r\n\r\n', 'Transfer-Encoding: chun\x00ked\r\n') },
  {
    name: 'TE with a space before the colon',
    bytes: chunked('5\r\nhello\r\n0\r\n\r\n', 'Transfer-Encoding : chunked\r\n'),
  },
  {
    name: 'TE with a tab before the colon',
    bytes: chunked('5\r\nhello\r\n0\r\n\r\n', 'Transfer-Encoding\t: chunked\r\n'),
  },
  {
    name: 'TE as an obs-fold continuation',
    bytes: chunked('5\r\nhello\r\n0\r\n\r\n', 'X-A: b\r\n Transfer-Encoding: chunked\r\n'),
  },
  {
    name: 'TE folded onto a next line',
    bytes: chunked('5\r\nhello\r\n0\r\n\r\n', 'Transfer-Encoding:\r\n chunked\r\n'),
  },
  {
    name: 'TE: chunked with Content-Length in a folded line',
    bytes: sized('Transfer-Encoding: chunked\r\n Content-Length: 5', '5\r\nhello\r\n0\r\n\r\n'),
  },
  // Content-Length: duplicates, conflicts, odd numbers
  { name: 'two equal Content-Length headers', bytes: sized('Content-Length: 5\r\nContent-Length: 5'), refuse: true },
  { name: 'two different Content-Length headers', bytes: sized('Content-Length: 5\r\nContent-Length: 6', 'hello!') },
  { name: 'Content-Length: 5, 5', bytes: sized('Content-Length: 5, 5') },
  { name: 'Content-Length: 5, 6', bytes: sized('Content-Length: 5, 6', 'hello!') },
  { name: 'Content-Length: +5', bytes: sized('Content-Length: +5') },
  { name: 'Content-Length: -1', bytes: sized('Content-Length: -1') },
  { name: 'Content-Length: 0x5', bytes: sized('Content-Length: 0x5') },
  { name: 'Content-Length: 5.0', bytes: sized('Content-Length: 5.0') },
  { name: 'Content-Length: NBSP before', bytes: sized('Content-Length: \xa05'), refuse: true },
  { name: 'Content-Length: NBSP after', bytes: sized('Content-Length: 5\xa0'), refuse: true },
  { name: 'Content-Length: VT before', bytes: sized('Content-Length: \x0b5'), refuse: true },
  { name: 'Content-Length: overflow', bytes: sized('Content-Length: 99999999999999999999') },
  { name: 'Content-Length with a space before the colon', bytes: sized('Content-Length : 5') },
  {
    name: 'Content-Length shorter than a body that is a request',
    bytes: sized('Content-Length: 0', SMUGGLED.replace('GET', 'G\x01T')),
  },
  // Chunk sizes and extensions
  { name: 'a bare CR in a chunk extension', bytes: chunked('5;a\rb\r\nhello\r\n0\r\n\r\n'), refuse: true },
  { name: 'a bare CR in a chunk-size line', bytes: chunked('5\r\rhello\r\n0\r\n\r\n'), refuse: true },
  { name: 'a control character in a chunk extension', bytes: chunked('5;a\x01b\r\nhello\r\n0\r\n\r\n'), refuse: true },
  { name: 'a space before the chunk size', bytes: chunked(' 5\r\nhello\r\n0\r\n\r\n'), refuse: true },
  { name: 'a space after the chunk size', bytes: chunked('5 \r\nhello\r\n0\r\n\r\n') },
  { name: 'a bare LF after the chunk size', bytes: chunked('5\nhello\r\n0\r\n\r\n') },
  { name: 'a bare LF after chunk data', bytes: chunked('5\r\nhello\n0\r\n\r\n') },
  { name: 'chunk data longer than its size', bytes: chunked('3\r\nhello\r\n0\r\n\r\n') },
  { name: 'chunk data without its CRLF', bytes: chunked('5\r\nhello0\r\n\r\n') },
  { name: 'a chunk size overflowing 64 bits', bytes: chunked('FFFFFFFFFFFFFFFFF\r\nhello\r\n0\r\n\r\n') },
  { name: 'a chunk size 0x5', bytes: chunked('0x5\r\nhello\r\n0\r\n\r\n') },
  { name: 'a negative chunk size', bytes: chunked('-5\r\nhello\r\n0\r\n\r\n') },
  { name: 'a chunk extension with a smuggled request', bytes: chunked(`5;${SMUGGLED}\r\nhello\r\n0\r\n\r\n`) },
  // Trailers
  {
    name: 'a trailer line that is not a field',
    bytes: chunked('5\r\nhello\r\n0\r\nnot a field\r\n\r\n'),
    refuse: true,
  },
  { name: 'a trailer ended by a bare LF', bytes: chunked('5\r\nhello\r\n0\r\nX-T: 1\n\r\n') },
  { name: 'a folded trailer', bytes: chunked('5\r\nhello\r\n0\r\nX-T: 1\r\n more\r\n\r\n') },
  { name: 'a trailer with a space before the colon', bytes: chunked('5\r\nhello\r\n0\r\nX-T : 1\r\n\r\n') },
  { name: 'a smuggled request as the trailer', bytes: chunked(`5\r\nhello\r\n0\r\n${SMUGGLED}`) },
  // Bare CR and LF in the head
  { name: 'bare LF line ends throughout', bytes: 'POST /webhooks HTTP/1.1\nHost: x\nContent-Length: 5\n\nhello' },
  { name: 'a bare LF ending one header line', bytes: `${POST}Content-Length: 5\n\r\nhello` },
  { name: 'a bare CR inside a header line', bytes: `${POST}X-A: b\rContent-Length: 5\r\n\r\nhello` },
  { name: 'a bare CR in the request line', bytes: 'POST /webhooks\r HTTP/1.1\r\nHost: x\r\n\r\n' },
  { name: 'a bare CR at the end of the request line', bytes: 'POST /webhooks HTTP/1.1\r\rHost: x\r\n\r\n' },
  { name: 'a bare CR as the end of the head', bytes: `${POST}Content-Length: 5\r\n\rhello` },
  // Header lines
  { name: 'a header line without a colon', bytes: `${POST}Content-Length 5\r\n\r\nhello` },
  { name: 'a header with an empty name', bytes: `${POST}: x\r\nContent-Length: 5\r\n\r\nhello` },
  { name: 'a header name with a space', bytes: `${POST}X A: b\r\nContent-Length: 5\r\n\r\nhello` },
  { name: 'a NUL in a header value', bytes: `${POST}X-A: a\x00b\r\nContent-Length: 5\r\n\r\nhello` },
  { name: 'a DEL in a header value', bytes: `${POST}X-A: a\x7fb\r\nContent-Length: 5\r\n\r\nhello` },
  { name: 'a head over 16 KiB', bytes: `${POST}X-Big: ${'a'.repeat(20_000)}\r\n\r\n` },
  { name: 'no Host in HTTP/1.1', bytes: 'GET /webhooks HTTP/1.1\r\nContent-Length: 0\r\n\r\n' },
  // Request lines and other protocols
  { name: 'HTTP/0.9', bytes: 'GET /webhooks\r\n\r\n' },
  { name: 'the HTTP/2 preface', bytes: 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n' },
  { name: 'HTTP/1.2', bytes: 'GET /webhooks HTTP/1.2\r\nHost: x\r\n\r\n' },
  { name: 'a lower-case version', bytes: 'GET /webhooks http/1.1\r\nHost: x\r\n\r\n' },
  { name: 'two spaces in the request line', bytes: 'GET  /webhooks HTTP/1.1\r\nHost: x\r\n\r\n' },
  { name: 'a tab in the request line', bytes: 'GET\t/webhooks HTTP/1.1\r\nHost: x\r\n\r\n' },
  { name: 'a method no one knows', bytes: 'BREW /webhooks HTTP/1.1\r\nHost: x\r\n\r\n' },
  { name: 'a valid request, then garbage', bytes: `${sized('Content-Length: 5')}GARBAGE\r\n\r\n` },
];
