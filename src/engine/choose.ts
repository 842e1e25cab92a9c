import type { ErrorAnswer } from './problem';
import { rememberedFor } from '../spec/remember';
import { checkOrderOf } from '../spec/check-order';
import {
  documentedCodes,
  exampleKeysOf,
  requestBodyOf,
  responsesOf,
  type DocumentedResponse,
  type MediaContent,
} from '../spec/documented';
import type { Operation } from '../spec/operations';
import { preferencesOf, type Fault, type Staged } from './control/answers';
import type { Reason } from './control/journal';
import { documentedFault } from './documented-fault';
import type { PreferenceResult, Preferences } from './prefer';

/** Which answer to give, decided before any body is made. */
export type Choice =
  | { kind: 'problem'; problem: ErrorAnswer }
  /** The mock's own control surface refusing a preference: not an answer of the operation, so not held to its documented statuses. */
  | { kind: 'refused'; problem: ErrorAnswer }
  /** The success answer, made from the request's body. */
  | { kind: 'reflect'; response: DocumentedResponse; content: MediaContent; applied?: string }
  /** A documented answer as Prism's mocker makes it: an example, or data generated from the schema. */
  | {
      kind: 'documented';
      response: DocumentedResponse;
      content: MediaContent | undefined;
      exampleKey?: string;
      dynamic: boolean;
      applied?: string;
    };

/**
 * Where a fault stands in the operation's order of checks (x-check-order, else 401, 403, 400,
 * 422). A media type the operation does not take (415) is found before the body is parsed.
 */
// Built once per operation: choosing runs on every request.
const rankIn = rememberedFor((operation: Operation) => rankerOf(operation));

function rankerOf(operation: Operation): (problem: ErrorAnswer) => number {
  const order = checkOrderOf(operation.definition);
  const body = Math.min(
    ...[400, 422].map((status) => order.indexOf(status)).filter((index) => index >= 0),
    order.length,
  );
  return (problem) => {
    if (problem.status === 415) return body - 0.5;
    const index = order.indexOf(problem.status);
    return index === -1 ? order.length : index;
  };
}

/** The documented success answer Prism would pick: the lowest 2xx. */
function successOf(operation: Operation): DocumentedResponse | undefined {
  return responsesOf(operation)
    .filter((response) => /^2\d\d$/.test(response.code))
    .sort((a, b) => a.code.localeCompare(b.code))[0];
}

function notDocumented(detail: string): Choice {
  return { kind: 'refused', problem: { status: 404, detail } };
}

function describeExamples(responses: DocumentedResponse[]): string {
  return responses.map((response) => `${response.code}: ${exampleKeysOf(response).join(', ') || '(none)'}`).join('; ');
}

function chooseDocumented(operation: Operation, preferences: Preferences): Choice {
  const { code, example, dynamic = false } = preferences;
  const responses = responsesOf(operation);
  const documented = documentedCodes(operation).join(', ');
  const byCode = code === undefined ? undefined : responses.find((response) => response.code === String(code));
  if (code !== undefined && byCode === undefined) {
    return notDocumented(`no response with code=${code} is documented for this operation; documented: ${documented}`);
  }
  const success = successOf(operation);
  const candidates = byCode !== undefined ? [byCode] : [success, ...responses].filter((r) => r !== undefined);
  const response =
    example === undefined
      ? (byCode ?? success ?? responses[0])
      : candidates.find((candidate) => exampleKeysOf(candidate).includes(example));
  if (response === undefined) {
    const where = byCode !== undefined ? [byCode] : responses;
    return notDocumented(
      `no example named "${example ?? ''}" is documented${code === undefined ? '' : ` for code=${code}`}; documented examples: ${describeExamples(where)}`,
    );
  }
  // RFC 7240 Preference-Applied: which preferences shaped the answer, so a client can tell a mock honoured them.
  const honoured = [
    code === undefined ? '' : `code=${code}`,
    example === undefined ? '' : `example=${example}`,
    preferences.dynamic === undefined ? '' : `dynamic=${dynamic}`,
  ];
  const applied = honoured.filter(Boolean).join(', ');
  const withApplied = applied === '' ? {} : { applied };
  const content =
    example === undefined ? response.contents[0] : response.contents.find((c) => c.exampleKeys.includes(example));
  // Only a request with a body has something to reflect; a GET gets the documented example.
  if (
    response === success &&
    example === undefined &&
    !dynamic &&
    content?.schema !== undefined &&
    requestBodyOf(operation) !== undefined
  ) {
    return { kind: 'reflect', response, content, ...withApplied };
  }
  return {
    kind: 'documented',
    response,
    content,
    ...(example === undefined ? {} : { exampleKey: example }),
    dynamic,
    ...withApplied,
  };
}

/** The staged answers as one request to one operation sees them (control/answers.ts). */
export interface StagedFor {
  /** The next staged answer for this request, counted as used; `invalid` requests only get forced ones. */
  take(invalid: boolean): Staged | undefined;
  waiting(): boolean;
}

/** A choice, and why it was made (for the journal): the reason, a note, and a staged delay. */
export type Decision = Choice & { reason: Reason; note?: string; delay?: number; fault?: Fault };

/** A staged answer picks like a `Prefer` header, but the client asked for nothing, so no Preference-Applied. */
function fromStaged(operation: Operation, staged: Staged): Decision {
  const delay = staged.delay === undefined ? {} : { delay: staged.delay };
  if (staged.fault !== undefined) {
    // A stall starts the answer the request would have had (its documented status and headers) and
    // holds back its body; the other faults break the connection before anything of it is sent.
    return {
      ...defaultDecision(operation),
      reason: 'fault',
      note: `queued answer #${staged.id}: ${staged.fault}`,
      fault: staged.fault,
      ...delay,
    };
  }
  const { applied: _applied, ...choice } = chooseDocumented(operation, preferencesOf(staged)) as Choice & {
    applied?: string;
  };
  return { ...choice, reason: 'queued answer', note: `queued answer #${staged.id}`, ...delay };
}

/**
 * Picks the answer: a request with faults gets the first fault in the contract's order whatever
 * it prefers (as in Prism), unless a staged answer is forced; otherwise a bad preference is
 * refused, the request's own preference picks a documented answer (over any staged one), then
 * the next staged answer does, and by default the success answer reflects the request.
 */
export function chooseResponse(
  operation: Operation,
  faults: ErrorAnswer[],
  preferences: PreferenceResult,
  staged?: StagedFor,
): Decision {
  const rank = rankIn(operation);
  const fault = [...faults].sort((a, b) => rank(a) - rank(b))[0];
  const asked = !preferences.ok || Object.keys(preferences.preferences).length > 0;
  if (fault !== undefined) {
    const forced = asked ? undefined : staged?.take(true);
    return forced === undefined
      ? { kind: 'problem', problem: documentedFault(operation, fault), reason: 'real error' }
      : fromStaged(operation, forced);
  }
  if (!preferences.ok) return { kind: 'refused', problem: preferences.problem, reason: 'preference' };
  if (asked) {
    const note = staged?.waiting() === true ? { note: "the request's own preferences won over a queued answer" } : {};
    return { ...chooseDocumented(operation, preferences.preferences), reason: 'preference', ...note };
  }
  const queued = staged?.take(false);
  if (queued !== undefined) return fromStaged(operation, queued);
  return defaultDecision(operation);
}

// What a request that asks for nothing gets depends on the operation alone: decided once.
const defaultDecision = rememberedFor((operation: Operation): Decision => {
  const choice = chooseDocumented(operation, {});
  return Object.freeze({ ...choice, reason: choice.kind === 'reflect' ? 'reflected' : 'documented' });
});
