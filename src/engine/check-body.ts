import type { ErrorAnswer } from './problem';
import type { ValidateValue } from '../spec/validate';
import { isJsonMediaType, type DecodedBody } from './body';
import { requestBodyOf, type MediaContent } from '../spec/documented';
import type { Operation } from '../spec/operations';
import { BODY, toViolations } from '../spec/huma';

// A malformed body is echoed in the problem only while it stays readable.
const MAX_ECHOED_BODY = 4096;

function jsonContent(contents: MediaContent[]): MediaContent | undefined {
  return contents.find((content) => isJsonMediaType(content.mediaType.toLowerCase()));
}

/** The body's faults, Huma-style: 415 for a type the operation does not take, 400 when missing or unparseable, 422 per schema violation. */
export function checkBody(operation: Operation, body: DecodedBody, validate: ValidateValue): ErrorAnswer | undefined {
  const spec = requestBodyOf(operation);
  if (spec === undefined) return undefined;
  const content = jsonContent(spec.contents);
  switch (body.kind) {
    case 'unsupported': {
      const accepted = spec.contents.map((c) => c.mediaType).join(', ');
      return { status: 415, detail: `unsupported media type "${body.mediaType}": send Content-Type: ${accepted}` };
    }
    case 'none':
      return spec.required ? { status: 400, detail: 'request body is required' } : undefined;
    case 'malformed': {
      const value = body.text.length <= MAX_ECHOED_BODY ? { value: body.text } : {};
      return {
        status: 400,
        detail: 'unable to parse the request body as JSON',
        errors: [{ location: BODY, message: body.message, ...value }],
      };
    }
    case 'json': {
      if (content?.schema === undefined) return undefined;
      const errors = validate(content.schema, body.value);
      return errors.length === 0
        ? undefined
        : { status: 422, detail: 'validation failed', errors: toViolations(BODY, body.value, errors) };
    }
  }
}
