import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSpec } from '../../src/spec/load';
import { type SpecDocument } from '../../src/spec/document';
import { PACKAGE_ROOT } from '../../src/platform/version';

export const SPEC_PATH = join(PACKAGE_ROOT, 'spec', 'openapi.yaml');

/** A JSON object reached by walking plain keys; throws when the path is wrong, so a test cannot silently break nothing. */
export type Json = Record<string, unknown>;

export function at(root: unknown, ...keys: string[]): Json {
  let node = root;
  for (const key of keys) {
    if (typeof node !== 'object' || node === null || !(key in node))
      throw new Error(`no ${keys.join(' > ')} in the spec copy`);
    node = (node as Json)[key];
  }
  return node as Json;
}

/** A fresh copy of the spec as written ($refs in place), for a test to break deliberately. */
export async function copySpec(): Promise<SpecDocument> {
  return structuredClone(await readSpec(SPEC_PATH));
}

/** Writes documents to a new temporary folder as JSON files and returns their paths by name. */
export function writeSpecs(documents: Record<string, unknown>): Record<string, string> {
  const folder = mkdtempSync(join(tmpdir(), 'kaiten-spec-'));
  return Object.fromEntries(
    Object.entries(documents).map(([name, document]) => {
      const path = join(folder, `${name}.json`);
      writeFileSync(path, JSON.stringify(document, null, 2));
      return [name, path];
    }),
  );
}

/**
 * The spec plus `GET /webhooks/{id}`, as a user might extend it: its path parameter has
 * `examples:` (not `example:`), and it documents only 200, 401 and 404 (no 403, no 422).
 */
export async function specWithGetOperation(): Promise<SpecDocument> {
  const document = await copySpec();
  const problem = (description: string) => ({
    description,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ErrorModel' } } },
  });
  at(document, 'paths')['/webhooks/{id}'] = {
    get: {
      operationId: 'get-webhook',
      summary: 'Get a webhook',
      security: [{ bearerAuth: ['read:webhooks'] }],
      parameters: [
        {
          name: 'id',
          in: 'path',
          required: true,
          description: 'The webhook id.',
          schema: { type: 'string', format: 'uuid' },
          examples: { known: { summary: 'A webhook id', value: '0b4ac7a4-3f2e-4c43-9d55-4f7a1c0e6b21' } },
        },
      ],
      responses: {
        '200': {
          description: 'The webhook.',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Webhook' } } },
        },
        '401': problem('No valid token.'),
        '404': problem('No such webhook.'),
      },
    },
  };
  return document;
}
