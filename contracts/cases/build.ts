import type { OpenAPIV3_1 } from 'openapi-types';
import { listExamples } from '../../src/spec/examples';
import type { SpecDocument } from '../../src/spec/document';
import { listOperations, type Operation } from '../../src/spec/operations';
import type { JsonSchema, ValidateValue } from '../../src/spec/validate';
import { type Case } from '../../src/checks/case';
import { documentedCodes } from '../../src/spec/documented';
import { schemeOf } from '../../src/spec/scheme';
import type { PropertyPlan } from '../property';
import { credentialForms } from './auth';
import { boundaryCases } from './boundaries';
import { requestForms } from './forms';
import { framingCases, malformedText } from './framing';
import { nearMisses } from './near-misses';
import { invalidBodies, type InvalidBody } from './negative';
import { orderCases } from './order';
import { validBodies } from './positive';
import { createRandom } from './random';
import { sampleOf } from './schema';
import { expectedViolations, severalViolations } from './violations';

/** What shapes the cases: the seed, and which credentials exist. */
export interface CaseOptions {
  seed: number;
  hasForbiddenToken: boolean;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function jsonBody(operation: Operation): { schema: JsonSchema; required: boolean } | undefined {
  const body = operation.definition.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
  const entry = Object.entries(body?.content ?? {}).find(([type]) => /^application\/([\w.-]+\+)?json$/i.test(type));
  return entry?.[1].schema === undefined ? undefined : { schema: entry[1].schema, required: body?.required === true };
}

type Make = (kind: string, title: string, rest: Omit<Case, 'id' | 'title' | 'operation'>) => Case;

/** What every case of an operation starts from: how to make one, its JSON body's schema, its request examples, and a valid body. */
function groundsOf(document: SpecDocument, operation: Operation) {
  const scheme = schemeOf(document, operation);
  const make: Make = (kind, title, rest) => ({
    id: `${operation.id}/${kind}/${slug(title)}`,
    title,
    operation,
    ...(scheme === undefined ? {} : { scheme }),
    ...rest,
  });
  const body = jsonBody(operation);
  const examples = listExamples(document).filter(
    (example) => example.operation.id === operation.id && example.status === 'request',
  );
  const base = examples[0]?.value ?? (body === undefined ? undefined : sampleOf(body.schema));
  return { scheme, make, body, examples, base };
}

/** Every case for one operation, built from its spec: examples, derived valid and invalid bodies, malformed bodies, credentials. */
function casesFor(document: SpecDocument, operation: Operation, options: CaseOptions, validate: ValidateValue): Case[] {
  const { scheme, make, body, examples, base } = groundsOf(document, operation);
  const random = createRandom(options.seed);
  const cases: Case[] = [];
  // The deeper classes go last: a suite that picks the first case for a status (Dredd) picks a plain one.
  const deeper: Case[] = [];

  cases.push(
    ...examples.map((example) =>
      make('example', `example "${example.name}"`, {
        expectation: 'accept',
        credentials: 'valid',
        value: example.value,
      }),
    ),
  );
  if (body === undefined) {
    cases.push(make('valid', 'a request with no body', { expectation: 'accept', credentials: 'valid' }));
  } else {
    for (const valid of validBodies(body.schema, base, random, validate)) {
      cases.push(make('valid', valid.title, { expectation: 'accept', credentials: 'valid', value: valid.value }));
    }
    const invalid = invalidBodies(body.schema, base, validate);
    for (const one of invalid) {
      cases.push(
        make('invalid', one.title, {
          expectation: 'invalid',
          credentials: 'valid',
          value: one.value,
          violations: expectedViolations(body.schema, one.value, validate),
        }),
      );
    }
    const malformed = malformedText(base);
    for (const { title, ...framed } of framingCases(base, body.required)) {
      (framed.aspect === undefined ? cases : deeper).push(
        make(framed.aspect ?? 'malformed', title, { credentials: 'valid', ...framed }),
      );
    }
    deeper.push(
      ...deeperCases(body.schema, base, examples[0]?.value ?? base, invalid, validate).map(({ kind, title, ...rest }) =>
        make(kind, title, rest),
      ),
    );
    if (scheme !== undefined) {
      // A body that breaks a property, not one that is not even an object.
      const broken = invalid.find((one) => one.keyword !== 'type') ?? invalid[0];
      const withInvalid = broken === undefined ? {} : { invalid: broken };
      deeper.push(
        ...orderCases(operation, { ...withInvalid, malformed }, options.hasForbiddenToken).map(({ title, ...rest }) =>
          make('order', title, rest),
        ),
      );
    }
  }
  if (scheme !== undefined) {
    const withBody = base === undefined ? {} : { value: base };
    cases.push(make('auth', 'no credentials', { expectation: 'unauthenticated', credentials: 'none', ...withBody }));
    cases.push(
      make('auth', 'an unknown token', { expectation: 'unauthenticated', credentials: 'unknown-token', ...withBody }),
    );
    if (options.hasForbiddenToken)
      cases.push(
        make('auth', 'a token without the required scope', {
          expectation: 'forbidden',
          credentials: 'forbidden',
          ...withBody,
        }),
      );
    for (const { title, aspect, ...form } of credentialForms(scheme)) {
      (aspect === undefined ? cases : deeper).push(
        make(aspect ?? 'auth', title, { ...form, ...(aspect === undefined ? {} : { aspect }), ...withBody }),
      );
    }
  }
  if (documentedCodes(operation).includes('500')) {
    // Only a mock can be asked for a 500; a real server ignores the preference (RFC 7240).
    const withBody = base === undefined ? {} : { value: base };
    cases.push(
      make('server-error', 'a 500 asked of a mock (Prefer: code=500)', {
        expectation: 'server-error',
        credentials: 'valid',
        headers: { prefer: 'code=500' },
        ...withBody,
      }),
    );
  }
  return [...cases, ...deeper];
}

type Shape = Omit<Case, 'id' | 'title' | 'operation' | 'scheme'> & { kind: string; title: string };

/** The deeper classes for a JSON body: several violations at once, both sides of each limit, near misses, request forms. */
function deeperCases(
  schema: JsonSchema,
  base: unknown,
  example: unknown,
  invalid: InvalidBody[],
  validate: ValidateValue,
): Shape[] {
  const valid = { credentials: 'valid' as const };
  return [
    ...severalViolations(schema, base, invalid, validate).map(({ title, value, violations }) => ({
      kind: 'several',
      title,
      expectation: 'invalid' as const,
      ...valid,
      value,
      violations,
      aspect: 'several' as const,
    })),
    ...boundaryCases(schema, base, validate).map(({ title, value, inside }) => ({
      kind: 'boundary',
      title,
      expectation: inside ? ('accept' as const) : ('invalid' as const),
      ...valid,
      value,
      aspect: 'boundary' as const,
      ...(inside ? {} : { violations: expectedViolations(schema, value, validate) }),
    })),
    ...nearMisses(schema, base, validate).map(({ title, value }) => ({
      kind: 'near-miss',
      title,
      expectation: 'invalid' as const,
      ...valid,
      value,
      violations: expectedViolations(schema, value, validate),
      aspect: 'near-miss' as const,
    })),
    ...requestForms(example).map(({ title, ...form }) => ({
      kind: 'form',
      title,
      expectation: 'accept' as const,
      ...valid,
      ...form,
      aspect: 'form' as const,
    })),
  ];
}

/** For each operation with a JSON body, what property-based valid bodies are drawn from (see property.ts). */
export function propertyPlans(document: SpecDocument): PropertyPlan[] {
  return listOperations(document).flatMap((operation) => {
    const { make, body, base } = groundsOf(document, operation);
    if (body === undefined) return [];
    return [
      {
        schema: body.schema,
        base,
        make: (title: string, value: unknown) =>
          make('property', title, { expectation: 'accept', credentials: 'valid', value }),
      },
    ];
  });
}

/** The whole plan: every case for every operation in the spec. */
export function buildCases(document: SpecDocument, options: CaseOptions, validate: ValidateValue): Case[] {
  return listOperations(document).flatMap((operation) => casesFor(document, operation, options, validate));
}
