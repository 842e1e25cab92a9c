// The spec's quality gates, each shown to pass on spec/openapi.yaml and to fail on a copy broken
// in the way the gate exists to catch.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkExampleSchemas, checkProblemStatuses } from './support/example-gates';
import { loadSpec } from '../src/spec/load';
import { SpecError } from '../src/spec/spec';
import { createValidator } from '../src/spec/validate';
import { PACKAGE_ROOT } from '../src/platform/version';
import { at, copySpec, SPEC_PATH, writeSpecs } from './support/spec-copies';

const POST = ['paths', '/webhooks', 'post'];
const RESPONSES = [...POST, 'responses'];

describe('gate: swagger-parser validates the spec', () => {
  it('accepts spec/openapi.yaml as OpenAPI 3.1 and resolves every $ref', async () => {
    const { document } = await loadSpec(SPEC_PATH);
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(JSON.stringify(document)).not.toContain('$ref');
  });

  it('rejects a copy with a dangling $ref, naming the pointer', async () => {
    const broken = await copySpec();
    at(broken, ...POST, 'requestBody', 'content', 'application/json', 'schema').$ref = '#/components/schemas/Nope';
    await expect(loadSpec(broken)).rejects.toThrow(/#\/components\/schemas\/Nope/);
  });

  it('rejects a copy that breaks the OpenAPI schema', async () => {
    const broken = await copySpec();
    at(broken, ...RESPONSES, '201').description = 42;
    await expect(loadSpec(broken)).rejects.toBeInstanceOf(SpecError);
  });

  it('rejects a missing file with its path', async () => {
    await expect(loadSpec('spec/no-such-file.yaml')).rejects.toThrow(/no-such-file\.yaml/);
  });
});

interface SpectralResult {
  code: string;
  severity: number;
  source: string;
  message: string;
}

function runSpectral(paths: string[]): SpectralResult[] {
  const bin = join(PACKAGE_ROOT, 'node_modules', '.bin', 'spectral');
  const ruleset = join(PACKAGE_ROOT, '.spectral.yaml');
  const run = spawnSync(bin, ['lint', ...paths, '--ruleset', ruleset, '--format', 'json', '--quiet'], {
    encoding: 'utf8',
  });
  if (run.stdout.trim() === '') throw new Error(`spectral printed nothing: ${run.stderr}`);
  // Spectral prints JSON, then a line of its own when nothing reached the failure severity.
  return JSON.parse(run.stdout.slice(0, run.stdout.lastIndexOf(']') + 1)) as SpectralResult[];
}

describe('gate: Spectral (spectral:oas and the project rules) reports nothing', () => {
  const breakages: Record<string, (spec: object) => void> = {
    'error-responses-use-problem-json': (spec) => {
      const response = at(spec, ...RESPONSES, '422');
      response.content = { 'application/json': at(response, 'content', 'application/problem+json') };
    },
    'request-body-named-examples': (spec) => {
      const media = at(spec, ...POST, 'requestBody', 'content', 'application/json');
      media.example = at(media, 'examples', 'single-event', 'value');
      delete media.examples;
    },
    'response-named-examples': (spec) => {
      delete at(spec, ...RESPONSES, '201', 'content', 'application/json').examples;
    },
    'schema-descriptions': (spec) => {
      delete at(spec, 'components', 'schemas', 'Webhook', 'properties', 'createdAt').description;
    },
    'security-requirement-defined': (spec) => {
      at(spec, ...POST).security = [{ apiKey: [] }];
    },
    'operation-operationId': (spec) => {
      delete at(spec, ...POST).operationId;
    },
  };
  let results: SpectralResult[];
  let paths: Record<string, string>;

  beforeAll(async () => {
    const copies: Record<string, object> = {};
    for (const [rule, breakIt] of Object.entries(breakages)) {
      copies[rule] = await copySpec();
      breakIt(copies[rule]);
    }
    paths = writeSpecs(copies);
    results = runSpectral([SPEC_PATH, ...Object.values(paths)]);
  });

  it('finds no error, warning, info or hint in spec/openapi.yaml', () => {
    expect(results.filter((result) => result.source === SPEC_PATH)).toEqual([]);
    // Every result belongs to a broken copy, so the filter above cannot miss the real spec's.
    expect(new Set(results.map((result) => result.source))).toEqual(new Set(Object.values(paths)));
  });

  it.each(Object.keys(breakages))('rule %s fires on a copy broken for it', (rule) => {
    const codes = results.filter((result) => result.source === paths[rule]).map((result) => result.code);
    expect(codes).toContain(rule);
  });
});

describe('gate: every named example validates against its own schema (Ajv 2020 with formats)', () => {
  const validate = createValidator();

  it('finds nothing in spec/openapi.yaml', async () => {
    expect(checkExampleSchemas((await loadSpec(SPEC_PATH)).document, validate)).toEqual([]);
  });

  it('reports a response example with a bad date-time, an extra field and an unknown event', async () => {
    const broken = await copySpec();
    const webhook = at(broken, ...RESPONSES, '201', 'content', 'application/json', 'examples', 'single-event', 'value');
    webhook.createdAt = 'yesterday';
    webhook.secret = 'hunter2';
    at(broken, ...POST, 'requestBody', 'content', 'application/json', 'examples', 'many-events', 'value').eventNames = [
      'CUSTOMER_ARCHIVED',
    ];
    const findings = checkExampleSchemas((await loadSpec(broken)).document, validate);
    expect(findings).toEqual(
      expect.arrayContaining([
        {
          where: 'POST /webhooks 201 application/json example "single-event"',
          message: '/createdAt must match format "date-time"',
        },
        {
          where: 'POST /webhooks 201 application/json example "single-event"',
          message: '(root) must NOT have additional properties',
        },
        {
          where: 'POST /webhooks request application/json example "many-events"',
          message: '/eventNames/0 must be equal to one of the allowed values',
        },
      ]),
    );
    expect(findings).toHaveLength(3);
  });
});

describe("gate: every error example's status equals its response code", () => {
  it('finds nothing in spec/openapi.yaml', async () => {
    expect(checkProblemStatuses((await loadSpec(SPEC_PATH)).document)).toEqual([]);
  });

  it('reports a 403 example that says 401', async () => {
    const broken = await copySpec();
    at(
      broken,
      ...RESPONSES,
      '403',
      'content',
      'application/problem+json',
      'examples',
      'missing-scope',
      'value',
    ).status = 401;
    expect(checkProblemStatuses((await loadSpec(broken)).document)).toEqual([
      {
        where: 'POST /webhooks 403 application/problem+json example "missing-scope"',
        message: 'status is 401, expected 403',
      },
    ]);
  });
});

describe('gate: the TypeScript types are generated from the current spec', () => {
  // Generate exactly as `npm run gen:types` does, from its own script, so the flags cannot drift.
  const generate = (specPath: string): string => {
    const manifest = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const [tool, , ...flags] = manifest.scripts['gen:types']!.split(/\s+/);
    const output = flags.indexOf('-o');
    flags.splice(output, 2);
    const run = spawnSync(join(PACKAGE_ROOT, 'node_modules', '.bin', tool!), [specPath, ...flags], {
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`openapi-typescript failed: ${run.stderr}`);
    return run.stdout;
  };
  const committed = readFileSync(join(PACKAGE_ROOT, 'src', 'generated', 'openapi.ts'), 'utf8');

  it('src/generated/openapi.ts is what openapi-typescript makes of spec/openapi.yaml (else: npm run gen:types)', () => {
    expect(generate(SPEC_PATH).trim()).toBe(committed.trim());
  });

  it('tells a spec that changed a field apart from the committed types', async () => {
    const broken = await copySpec();
    const properties = at(broken, 'components', 'schemas', 'Webhook', 'properties');
    properties.deletedAt = properties.updatedAt;
    const { changed } = writeSpecs({ changed: broken });
    expect(generate(changed!).trim()).not.toBe(committed.trim());
  });
});
