import type { Violation } from '../spec/huma';
import { securityOf } from '../spec/documented';
import { describeOperation } from '../spec/operations';
import type { Spec } from '../spec/spec';
import { createValidator } from '../spec/validate';
import { decodeBody } from './body';
import { checkBody } from './check-body';
import { chooseResponse, type Decision } from './choose';
import type { Fault } from './control/answers';
import type { Reason, Recording, SentAnswer } from './control/journal';
import { secretNamesOf, type Control } from './control/state';
import { documentedAnswer } from './documented-answer';
import { createMint } from './mint';
import { readPreferences } from './prefer';
import { createPrism, type Prism } from './prism';
import { renderProblem, type MockResponse, type ErrorAnswer } from './problem';
import { reflectRequest } from './reflect';
import type { MockRequest } from './request';
import { checkSecurity, type AuthPolicy } from './security';
import { selfCheck } from './self-check';

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

/** Keeps a handled request in the journal, with the answer as it went out (`status: 0` for a fault) and the time since `startedAt`. */
export function recordHandled(
  control: Control,
  request: MockRequest,
  handled: Handled,
  answer: SentAnswer,
  startedAt: number,
): void {
  // One literal of one shape: this runs for every request, where conditional spreads cost more than the rest.
  const recording: Recording = {
    operation: handled.operation,
    answer,
    reason: handled.reason,
    note: handled.note,
    violations: handled.violations,
    durationMs: Math.round(performance.now() - startedAt),
  };
  control.journal.record(request, recording, control.secrets);
}

/** A request no operation takes: 404 naming what the mock serves, or 405 with the methods it allows. */
function unrouted(spec: Spec, prism: Prism, request: MockRequest, status: number, detail: string): ErrorAnswer {
  const served = spec.operations.map(describeOperation).join(', ');
  if (status === 404)
    return { status, detail: `no operation matches ${request.method} ${request.path}; this mock serves ${served}` };
  if (status !== 405) return { status, detail };
  const allowed = prism.allowedMethods(request.path);
  return {
    status,
    detail: `${request.method} is not allowed on ${request.path}; allowed: ${allowed.join(', ')}`,
    headers: { allow: allowed.join(', ') },
  };
}

/**
 * The mock's story for one request, in the order of Prism's own pipeline: decode the body and
 * the preferences; route (Prism's router); find every fault (credentials, body, parameters);
 * choose the answer (a fault in the contract's order, a preference, a staged answer, else the
 * default); make it (a problem, the 201 reflected from the request, or Prism's documented
 * example); hold it to the spec with the conformance checks. Never throws for anything the
 * request did.
 */
export function createPipeline(spec: Spec, settings: PipelineSettings): Pipeline {
  const validate = createValidator();
  const prism = createPrism(spec);
  const mint = createMint(settings.seed);
  const checks = { document: spec.document, validate, clockSkewMs: 0 };
  const { control } = settings;
  if (control !== undefined) for (const name of secretNamesOf(spec.document)) control.secrets.add(name);

  return (request) => {
    const body = decodeBody(request);
    const preferences = readPreferences(request);
    const delay = preferences.ok ? (preferences.preferences.delay ?? 0) : 0;
    const minted = mint(); // every request counts, routed or not: seeded ids follow the requests' order

    const routed = prism.route(request);
    if (routed.kind === 'unrouted') {
      const response = renderProblem(unrouted(spec, prism, request, routed.status, routed.detail));
      return { response, delay, outputViolations: [], reason: 'not routed', violations: [] };
    }
    const { operation } = routed;

    const faults = [
      checkSecurity(securityOf(spec.document, operation), request, settings.auth),
      checkBody(operation, body, validate),
      prism.checkParameters(operation, request),
    ].filter((fault) => fault !== undefined);

    const decision: Decision = chooseResponse(
      operation,
      faults,
      preferences,
      control === undefined
        ? undefined
        : {
            take: (invalid) => control.answers.take(operation, invalid),
            waiting: () => control.answers.waiting(operation),
          },
    );

    const jsonBody = body.kind === 'json' ? body.value : undefined;
    const violations = decision.kind === 'problem' ? (decision.problem.errors ?? []) : [];
    const check = (response: MockResponse) => selfCheck(checks, operation, request, response, violations);
    let response: MockResponse;
    if (decision.kind === 'problem' || decision.kind === 'refused') response = renderProblem(decision.problem);
    else if (decision.kind === 'reflect')
      response = {
        status: Number(decision.response.code),
        headers: { 'content-type': decision.content.mediaType },
        body: reflectRequest(decision.content.schema!, jsonBody, minted),
      };
    else
      response = documentedAnswer(prism, operation, decision, {
        request,
        jsonBody,
        seed: settings.seed,
        serial: minted.serial,
        conforms: (made) => check(made).length === 0,
      });
    if (decision.kind !== 'problem' && decision.kind !== 'refused' && decision.applied !== undefined)
      response.headers['preference-applied'] = decision.applied;

    return {
      response,
      operation: describeOperation(operation),
      delay: Math.max(delay, decision.delay ?? 0),
      // A refused preference is the mock's own answer, not the operation's: not held to it.
      outputViolations: decision.kind === 'refused' ? [] : check(response),
      reason: decision.reason,
      note: decision.note,
      fault: decision.fault,
      violations,
    };
  };
}
