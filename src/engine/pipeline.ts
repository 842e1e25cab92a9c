import type { IHttpRequest } from '@stoplight/prism-http';
import type { HttpMethod } from '@stoplight/types';
import { renderProblem, type MockResponse, type Problem } from './problem';
import { type Violation } from '../spec/huma';
import type { Spec } from '../spec/load';
import { createValidator } from '../spec/validate';
import { decodeBody, type DecodedBody } from './body';
import { checkOutput } from './check-output';
import { chooseResponse } from './choose';
import { operationName, type Fault } from './control/answers';
import type { Reason, Recording, SentAnswer } from './control/journal';
import { secretNamesOf, type Control } from './control/state';
import { checkBody } from './input';
import { createMint } from './mint';
import { readPreferences } from './prefer';
import { allowedMethods, createEngine } from './prism';
import type { MockRequest } from './request';
import { checkSecurity, type AuthPolicy } from './security';
import { reflectRequest } from './shape';

/** How this mock behaves, beyond the spec. */
export interface PipelineSettings {
  auth: AuthPolicy;
  seed?: string;
  /** Staged answers (and the journal, which the edge writes); absent: nothing can be staged. */
  control?: Control;
}

/** An answer and what a log line should say about it. */
export interface Handled {
  response: MockResponse;
  /** The operation that answered, as `POST /webhooks`; absent when none matched. */
  operation?: string | undefined;
  /** Extra wait the request asked for (`Prefer: delay=`). */
  delay: number;
  /** Where the answer breaks the spec: a bug in the mock or the spec, logged loudly. */
  outputViolations: string[];
  /** Why this answer (for the journal). */
  reason: Reason;
  note?: string | undefined;
  /** What was wrong with the request, when the answer is its real error. */
  violations: Violation[];
  /** Break the connection this way instead of answering. */
  fault?: Fault | undefined;
}

export type Pipeline = (request: MockRequest) => Handled;

/** An answer the edge gives itself, before or without the pipeline (a refusal, a preflight, the control surface). */
export const edgeAnswer = (response: MockResponse, reason: Reason): Handled => ({
  response,
  delay: 0,
  outputViolations: [],
  reason,
  violations: [],
});

/** What the journal keeps of a handled request, given the answer as it went out. */
export function recordingOf(handled: Handled, answer: SentAnswer, durationMs: number): Recording {
  // One literal of one shape: this runs for every request, where conditional spreads cost more than the rest.
  return {
    operation: handled.operation,
    answer,
    reason: handled.reason,
    note: handled.note,
    violations: handled.violations,
    durationMs,
  };
}

/** A request as Prism's router and validators take it. */
export function toPrismRequest(request: MockRequest, body: DecodedBody): IHttpRequest {
  return {
    method: request.method.toLowerCase() as HttpMethod,
    url: { path: request.path, query: request.query },
    headers: request.headers,
    body: body.kind === 'json' ? body.value : undefined,
  };
}

function unrouted(spec: Spec, request: MockRequest, status: number, detail: string): Problem {
  const served = spec.operations.map((op) => `${op.method.toUpperCase()} ${op.path}`).join(', ');
  if (status === 404)
    return { status, detail: `no operation matches ${request.method} ${request.path}; this mock serves ${served}` };
  if (status !== 405) return { status, detail };
  const allowed = allowedMethods(spec.operations, request.path);
  return {
    status,
    detail: `${request.method} is not allowed on ${request.path}; allowed: ${allowed.join(', ')}`,
    headers: { allow: allowed.join(', ') },
  };
}

/**
 * The mock's story for one request: decode the body and the preferences, let Prism route it and
 * run our stages (security, body, choose, shape, self-check), and turn a miss into problem+json.
 */
export function createPipeline(spec: Spec, settings: PipelineSettings): Pipeline {
  const validate = createValidator();
  const mint = createMint(settings.seed);
  const { control } = settings;
  if (control !== undefined) for (const name of secretNamesOf(spec.document)) control.secrets.add(name);
  const engine = createEngine(spec.operations, {
    checkSecurity: (operation, exchange) => checkSecurity(operation, exchange.request, settings.auth),
    checkBody: (operation, exchange) => checkBody(operation, exchange.body, validate),
    choose: (operation, exchange, faults) =>
      chooseResponse(
        operation,
        faults,
        exchange.preferences,
        control === undefined
          ? undefined
          : {
              take: (invalid) => control.answers.take(operation, invalid),
              waiting: () => control.answers.waiting(operation),
            },
      ),
    reflect: ({ response, content }, exchange) => ({
      status: Number(response.code),
      headers: { 'content-type': content.mediaType },
      body: reflectRequest(
        content.schema!,
        exchange.body.kind === 'json' ? exchange.body.value : undefined,
        exchange.minted,
      ),
    }),
    checkOutput: (operation, response) => checkOutput(operation, response, validate),
  });

  return (request) => {
    const body = decodeBody(request);
    const preferences = readPreferences(request);
    const delay = preferences.ok ? (preferences.preferences.delay ?? 0) : 0;
    const exchange = { request, body, preferences, minted: mint(), seed: settings.seed };
    const outcome = engine.run(exchange, toPrismRequest(request, body));
    if (outcome.kind === 'unrouted') {
      return {
        response: renderProblem(unrouted(spec, request, outcome.status, outcome.detail)),
        delay,
        outputViolations: [],
        reason: 'not routed',
        violations: [],
      };
    }
    const { decision } = outcome;
    return {
      response: outcome.response,
      operation: operationName(outcome.operation),
      delay: Math.max(delay, decision.delay ?? 0),
      outputViolations: outcome.outputViolations,
      reason: decision.reason,
      note: decision.note,
      fault: decision.fault,
      violations: decision.kind === 'problem' ? (decision.problem.errors ?? []) : [],
    };
  };
}
