import { mediaTypeOf } from '../spec/http';
import type { MockRequest } from './request';

/** What the request body turned out to be, before any schema looks at it. */
export type DecodedBody =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'malformed'; message: string; text: string }
  | { kind: 'unsupported'; mediaType: string };

/** Deeper JSON is refused as a parse error, as Go's encoding/json does past its own limit: deep values would only exhaust the stack of every later step. */
export const MAX_JSON_DEPTH = 512;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes as ISO-8859-1 text, one character per byte (as Buffer's `latin1`; TextDecoder's `latin1` is windows-1252). */
function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}

/** JSON in all its spellings: `application/json`, `application/merge-patch+json`. */
export function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || /^application\/[\w.-]+\+json$/.test(mediaType);
}

/** How deeply arrays and objects nest in JSON text, counted without parsing it (no recursion). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) deepest = Math.max(deepest, ++depth);
    else if (c === 93 || c === 125) depth--;
  }
  return deepest;
}

function parseJson(text: string): DecodedBody {
  if (jsonDepth(text) > MAX_JSON_DEPTH) {
    return { kind: 'malformed', message: `exceeded max depth of ${MAX_JSON_DEPTH} nested arrays and objects`, text };
  }
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch (error) {
    return { kind: 'malformed', message: (error as Error).message, text };
  }
}

/**
 * Decodes a JSON request body. A body without a Content-Type is read as JSON, which is what
 * a developer poking at the mock means; any other non-JSON type is unsupported.
 */
export function decodeBody(request: MockRequest): DecodedBody {
  if (request.body.length === 0) return { kind: 'none' };
  const mediaType = mediaTypeOf(request.headers['content-type']);
  if (mediaType !== '' && !isJsonMediaType(mediaType)) return { kind: 'unsupported', mediaType };
  let text: string;
  try {
    text = utf8.decode(request.body);
  } catch {
    return { kind: 'malformed', message: 'the body is not valid UTF-8', text: latin1(request.body) };
  }
  if (text.trim() === '') return { kind: 'none' };
  return parseJson(text);
}
