import type { IHttpOperation, IHttpOperationResponse } from '@stoplight/types';
import { PROBLEM_JSON, type MockResponse } from './problem';
import { documentedCode, mediaTypeOf } from '../spec/http';
import type { ValidateValue } from '../spec/validate';
import { OUTSIDE_THE_OPERATION } from '../spec/http';

/** The documented response for a status: exact code, then a range such as `4XX`, then `default`. */
export function documentedResponse(operation: IHttpOperation, status: number): IHttpOperationResponse | undefined {
  const code = documentedCode(
    operation.responses.map((response) => response.code),
    status,
  );
  return operation.responses.find((response) => response.code === code);
}

const mediaTypeOfResponse = (response: MockResponse) => mediaTypeOf(response.headers['content-type']);

function problemStatusMismatch(response: MockResponse): string[] {
  if (mediaTypeOfResponse(response) !== PROBLEM_JSON) return [];
  const status = (response.body as { status?: unknown } | undefined)?.status;
  return status === response.status
    ? []
    : [`problem status ${JSON.stringify(status)} differs from the HTTP status ${response.status}`];
}

/**
 * What is wrong with an answer the mock is about to send, measured against the spec: the status
 * is documented, the content type is one of its media types, the body matches that schema, and
 * a problem's `status` equals the HTTP status. Statuses outside the operation (415, 413...) are
 * only held to the last rule.
 */
export function checkOutput(operation: IHttpOperation, response: MockResponse, validate: ValidateValue): string[] {
  const documented = documentedResponse(operation, response.status);
  if (documented === undefined && OUTSIDE_THE_OPERATION.has(response.status)) return problemStatusMismatch(response);
  if (documented === undefined) {
    const codes = operation.responses.map((r) => r.code).join(', ');
    return [
      `status ${response.status} is not documented for ${operation.method.toUpperCase()} ${operation.path} (documented: ${codes})`,
      ...problemStatusMismatch(response),
    ];
  }
  const contents = documented.contents ?? [];
  if (contents.length === 0) return problemStatusMismatch(response);
  const content = contents.find((candidate) => candidate.mediaType.toLowerCase() === mediaTypeOfResponse(response));
  if (content === undefined) {
    return [
      `content type "${mediaTypeOfResponse(response)}" is not documented for ${response.status}: ${contents.map((c) => c.mediaType).join(', ')}`,
    ];
  }
  const schemaErrors = content.schema === undefined ? [] : validate(content.schema, response.body);
  return [...schemaErrors.map((error) => `body${error.pointer} ${error.message}`), ...problemStatusMismatch(response)];
}
