import type { OpenAPIV3_1 } from 'openapi-types';
import { listExamples } from '../../src/spec/examples';
import type { SpecDocument } from '../../src/spec/load';
import { listOperations, type Operation } from '../../src/spec/operations';
import type { JsonSchema, ValidateValue } from '../../src/spec/validate';
import { documentedCodes, type Case, type Scheme } from '../case';
import { invalidBodies } from './negative';
import { validBodies } from './positive';
import { createRandom } from './random';
import { sampleOf } from './schema';

/** What shapes the cases: how many random valid bodies, the seed, and which credentials exist. */
export interface CaseOptions {
  seed: number;
  /** Random valid bodies on top of the ones derived from each property. */
  randomBodies: number;
  hasForbiddenToken: boolean;
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function jsonBody(operation: Operation): { schema: JsonSchema; required: boolean } | undefined {
  const body = operation.definition.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
  const entry = Object.entries(body?.content ?? {}).find(([type]) => /^application\/([\w.-]+\+)?json$/i.test(type));
  return entry?.[1].schema === undefined ? undefined : { schema: entry[1].schema, required: body?.required === true };
}

/** The scheme of the operation's first security requirement, unless anonymous access is allowed. */
function schemeOf(document: SpecDocument, operation: Operation): Scheme | undefined {
  const requirements = operation.definition.security ?? document.security ?? [];
  if (requirements.length === 0 || requirements.some((requirement) => Object.keys(requirement).length === 0)) return undefined;
  const name = Object.keys(requirements[0]!)[0]!;
  const scheme = document.components?.securitySchemes?.[name] as Scheme | undefined;
  return scheme === undefined ? undefined : { type: scheme.type, ...(scheme.scheme === undefined ? {} : { scheme: scheme.scheme.toLowerCase() }), ...(scheme.in === undefined ? {} : { in: scheme.in, name: scheme.name! }) };
}

/** Every case for one operation, built from its spec: examples, derived valid and invalid bodies, malformed bodies, credentials. */
function casesFor(document: SpecDocument, operation: Operation, options: CaseOptions, validate: ValidateValue): Case[] {
  const scheme = schemeOf(document, operation);
  const make = (kind: string, title: string, rest: Omit<Case, 'id' | 'title' | 'operation'>): Case => ({
    id: `${operation.id}/${kind}/${slug(title)}`,
    title,
    operation,
    ...(scheme === undefined ? {} : { scheme }),
    ...rest,
  });
  const body = jsonBody(operation);
  const examples = listExamples(document).filter((example) => example.operation.id === operation.id && example.status === 'request');
  const base = examples[0]?.value ?? (body === undefined ? undefined : sampleOf(body.schema));
  const random = createRandom(options.seed);
  const cases: Case[] = [];

  cases.push(...examples.map((example) => make('example', `example "${example.name}"`, { expectation: 'accept', credentials: 'valid', value: example.value })));
  if (body === undefined) {
    cases.push(make('valid', 'a request with no body', { expectation: 'accept', credentials: 'valid' }));
  } else {
    for (const valid of validBodies(body.schema, base, random, options.randomBodies, validate)) {
      cases.push(make('valid', valid.title, { expectation: 'accept', credentials: 'valid', value: valid.value }));
    }
    for (const invalid of invalidBodies(body.schema, base, validate)) {
      cases.push(make('invalid', invalid.title, { expectation: 'invalid', credentials: 'valid', value: invalid.value }));
    }
    const text = JSON.stringify(base);
    cases.push(make('malformed', 'malformed JSON', { expectation: 'malformed', credentials: 'valid', raw: text.slice(0, Math.ceil(text.length / 2)) }));
    if (body.required) cases.push(make('malformed', 'an empty body', { expectation: 'malformed', credentials: 'valid', raw: '' }));
  }
  if (scheme !== undefined) {
    const withBody = base === undefined ? {} : { value: base };
    cases.push(make('auth', 'no credentials', { expectation: 'unauthenticated', credentials: 'none', ...withBody }));
    if (scheme.type !== 'apiKey') cases.push(make('auth', 'another authentication scheme', { expectation: 'unauthenticated', credentials: 'other-scheme', ...withBody }));
    cases.push(make('auth', 'an unknown token', { expectation: 'unauthenticated', credentials: 'unknown-token', ...withBody }));
    if (options.hasForbiddenToken) cases.push(make('auth', 'a token without the required scope', { expectation: 'forbidden', credentials: 'forbidden', ...withBody }));
  }
  if (documentedCodes(operation).includes('500')) {
    // Only a mock can be asked for a 500; a real server ignores the preference (RFC 7240).
    const withBody = base === undefined ? {} : { value: base };
    cases.push(make('server-error', 'a 500 asked of a mock (Prefer: code=500)', { expectation: 'server-error', credentials: 'valid', headers: { prefer: 'code=500' }, ...withBody }));
  }
  return cases;
}

/** The whole plan: every case for every operation in the spec. */
export function buildCases(document: SpecDocument, options: CaseOptions, validate: ValidateValue): Case[] {
  return listOperations(document).flatMap((operation) => casesFor(document, operation, options, validate));
}
