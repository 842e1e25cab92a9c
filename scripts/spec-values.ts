import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/platform/version';
import { listExamples } from '../src/spec/examples';
import { loadSpec } from '../src/spec/load';
import { type SpecDocument } from '../src/spec/document';

/** Where the runtime values derived from the spec are written (`npm run gen:values`). */
export const VALUES_FILE = join(PACKAGE_ROOT, 'src', 'generated', 'values.ts');

const literal = (value: unknown) => JSON.stringify(value, null, 2);

/**
 * The runtime values a frontend needs from the spec, as TypeScript: each named schema's `enum`
 * and each operation's named examples (request, then by status). Generated, never hand-written,
 * so they cannot drift from the spec; a test compares this with the committed file.
 */
export function renderValues(document: SpecDocument): string {
  const enums = Object.fromEntries(
    Object.entries(document.components?.schemas ?? {}).flatMap(([name, schema]) =>
      Array.isArray(schema.enum) ? [[name, schema.enum]] : [],
    ),
  );
  const examples: Record<
    string,
    { request: Record<string, unknown>; responses: Record<string, Record<string, unknown>> }
  > = {};
  for (const example of listExamples(document)) {
    const operation = (examples[example.operation.id] ??= { request: {}, responses: {} });
    if (example.status === 'request') operation.request[example.name] = example.value;
    else (operation.responses[example.status] ??= {})[example.name] = example.value;
  }
  return [
    '// Generated from spec/openapi.yaml by `npm run gen:values`: do not edit by hand.',
    '',
    '/** Each `enum` of a named schema in components.schemas, by schema name. */',
    `export const enums = ${literal(enums)} as const;`,
    '',
    '/** The named examples of each operation, by operationId: request bodies, and responses by status. */',
    `export const examples = ${literal(examples)} as const;`,
    '',
  ].join('\n');
}

/** Regenerates the committed values file from a spec. */
export async function writeValues(specPath: string): Promise<void> {
  writeFileSync(VALUES_FILE, renderValues((await loadSpec(specPath)).document));
}
