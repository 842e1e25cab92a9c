import type { SpecDocument } from '../../src/spec/document';
import { describeExample, listExamples, type NamedExample } from '../../src/spec/examples';
import type { ValidateValue } from '../../src/spec/validate';

/** Something wrong with the spec itself, found before anything is served or verified. */
export interface SpecFinding {
  where: string;
  message: string;
}

const PROBLEM_MEDIA_TYPE = /^application\/problem\+json\b/i;

function schemaFindings(example: NamedExample, validate: ValidateValue): SpecFinding[] {
  if (example.schema === undefined) {
    return [{ where: describeExample(example), message: 'has no schema to validate against' }];
  }
  return validate(example.schema, example.value).map((violation) => ({
    where: describeExample(example),
    message: `${violation.pointer || '(root)'} ${violation.message}`,
  }));
}

/** Every named example validates against the schema of its own request body or response. */
export function checkExampleSchemas(document: SpecDocument, validate: ValidateValue): SpecFinding[] {
  return listExamples(document).flatMap((example) => schemaFindings(example, validate));
}

function problemStatus(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as { status?: unknown }).status : undefined;
}

/** Every problem+json example states the status code of the response it documents (RFC 9457). */
export function checkProblemStatuses(document: SpecDocument): SpecFinding[] {
  return listExamples(document)
    .filter((example) => PROBLEM_MEDIA_TYPE.test(example.mediaType) && /^\d{3}$/.test(example.status))
    .filter((example) => problemStatus(example.value) !== Number(example.status))
    .map((example) => ({
      where: describeExample(example),
      message: `status is ${JSON.stringify(problemStatus(example.value))}, expected ${example.status}`,
    }));
}
