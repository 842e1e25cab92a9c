import type { OpenAPIV3_1 } from 'openapi-types';
import type { SpecDocument } from '../../src/spec/document';
import { createValidator } from '../../src/spec/validate';
import type { Reply } from './http';

const validate = createValidator();

/**
 * Everything wrong with a reply, judged from the OpenAPI document itself (not the mock's own
 * check): a documented status, its media type, its schema, and a problem's status.
 */
export function offSpec(document: SpecDocument, method: string, path: string, reply: Reply): string[] {
  const mediaType = String(reply.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim();
  const problems: string[] = [];
  if (mediaType === 'application/problem+json') {
    const body = reply.body as { status?: unknown; title?: unknown; detail?: unknown } | undefined;
    if (body?.status !== reply.status) problems.push(`problem status ${String(body?.status)} is not ${reply.status}`);
    if (typeof body?.title !== 'string' || typeof body.detail !== 'string')
      problems.push('problem without title or detail');
  }
  const operation = (document.paths?.[path] as Record<string, OpenAPIV3_1.OperationObject> | undefined)?.[
    method.toLowerCase()
  ];
  const response = operation?.responses?.[String(reply.status)] as OpenAPIV3_1.ResponseObject | undefined;
  if (response === undefined) {
    if (mediaType !== 'application/problem+json') problems.push(`undocumented ${reply.status} is not problem+json`);
    return problems;
  }
  const content = response.content?.[mediaType];
  if (content === undefined) return [...problems, `${reply.status} with undocumented content type "${mediaType}"`];
  const errors = validate(content.schema!, reply.body);
  return [...problems, ...errors.map((error) => `${reply.status} body${error.pointer} ${error.message}`)];
}
