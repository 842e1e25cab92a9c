import { describeOperation, type Operation } from '../../spec/operations';
import type { Preferences } from '../prefer';

/** Network faults for an app's error handling: a connection reset, a close without an answer, garbage bytes, or headers and then nothing. */
export const FAULTS = ['reset', 'empty', 'malformed', 'stall'] as const;
export type Fault = (typeof FAULTS)[number];

/** An answer staged for the next matching requests, as the admin API, `--answers` and `answerNext()` take it. */
export interface StagedAnswer {
  /** `create-webhook` (operationId) or `POST /webhooks`; absent: any operation. */
  operation?: string;
  code?: number;
  example?: string;
  dynamic?: boolean;
  /** Milliseconds to wait before answering. */
  delay?: number;
  /** How many matching requests get it; absent: every one until cleared. */
  times?: number;
  /** The fraction (0-1) of matching requests that get it, reproducible with --seed. */
  rate?: number;
  /** Give it even to a request that is itself invalid (else the request's real error comes first). */
  force?: boolean;
  /** Answer with a network fault instead of HTTP (not with `code`, `example` or `dynamic`). */
  fault?: Fault;
}

/** A staged answer as the queue holds it. */
export interface Staged extends StagedAnswer {
  id: number;
  /** Requests it has answered so far. */
  used: number;
}

const FIELDS: Record<keyof StagedAnswer, (value: unknown) => boolean> = {
  operation: (v) => typeof v === 'string' && v !== '',
  code: (v) => Number.isInteger(v) && (v as number) >= 100 && (v as number) <= 599,
  example: (v) => typeof v === 'string' && v !== '',
  dynamic: (v) => typeof v === 'boolean',
  delay: (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 60_000,
  times: (v) => Number.isInteger(v) && (v as number) >= 1,
  rate: (v) => typeof v === 'number' && v > 0 && v <= 1,
  force: (v) => typeof v === 'boolean',
  fault: (v) => FAULTS.includes(v as Fault),
};
const EXPECTED: Record<keyof StagedAnswer, string> = {
  operation: 'an operationId or "METHOD /path"',
  code: 'an HTTP status (100-599)',
  example: 'the name of a documented example',
  dynamic: 'true or false',
  delay: 'whole milliseconds from 0 to 60000',
  times: 'a whole number from 1',
  rate: 'a fraction above 0, at most 1',
  force: 'true or false',
  fault: FAULTS.join(', '),
};

/** A staged answer read from untrusted JSON, or every reason it is not one. */
export function parseStagedAnswer(value: unknown): StagedAnswer | string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return ['an answer is a JSON object such as {"code": 500, "times": 1}'];
  const errors = Object.entries(value).flatMap(([name, field]) => {
    // Own fields only: JSON may carry "__proto__" or "constructor" as keys.
    const valid = Object.hasOwn(FIELDS, name) ? FIELDS[name as keyof StagedAnswer] : undefined;
    if (valid === undefined) return [`unknown field "${name}"; known: ${Object.keys(FIELDS).join(', ')}`];
    return valid(field)
      ? []
      : [`${name} must be ${EXPECTED[name as keyof StagedAnswer]}, not ${JSON.stringify(field)}`];
  });
  const answer = value as StagedAnswer;
  if (
    answer.fault !== undefined &&
    (answer.code !== undefined || answer.example !== undefined || answer.dynamic !== undefined)
  )
    errors.push('a fault is an answer of its own: leave out code, example and dynamic');
  return errors.length > 0 ? errors : answer;
}

/** Whether a staged answer is for this operation. */
export function isFor(answer: StagedAnswer, operation: Operation): boolean {
  return (
    answer.operation === undefined ||
    answer.operation === operation.id ||
    answer.operation.toUpperCase() === describeOperation(operation).toUpperCase()
  );
}

/** The preferences a staged answer stands for: it picks an answer exactly as a `Prefer` header would. */
export function preferencesOf(answer: StagedAnswer): Preferences {
  return {
    ...(answer.code === undefined ? {} : { code: answer.code }),
    ...(answer.example === undefined ? {} : { example: answer.example }),
    ...(answer.dynamic === undefined ? {} : { dynamic: answer.dynamic }),
    ...(answer.delay === undefined ? {} : { delay: answer.delay }),
  };
}

/** The staged answers, in order: the first that matches a request answers it. */
export interface AnswerQueue {
  add(answer: StagedAnswer): Staged;
  list(): Staged[];
  clear(): void;
  /** The answer for a request to this operation, counted as used; a `rate` draw that misses leaves it unused. */
  take(operation: Operation, invalid: boolean): Staged | undefined;
  /** Whether an answer is waiting for this operation (a request's own preferences then win over it). */
  waiting(operation: Operation): boolean;
}

export function createAnswerQueue(draw: () => number): AnswerQueue {
  let queue: Staged[] = [];
  let next = 1;
  return {
    add: (answer) => {
      const staged = { ...answer, id: next++, used: 0 };
      queue.push(staged);
      return staged;
    },
    list: () => queue.map((staged) => ({ ...staged })),
    clear: () => {
      queue = [];
    },
    waiting: (operation) => queue.some((staged) => isFor(staged, operation)),
    take: (operation, invalid) => {
      const staged = queue.find((candidate) => isFor(candidate, operation) && (!invalid || candidate.force === true));
      if (staged === undefined || (staged.rate !== undefined && draw() >= staged.rate)) return undefined;
      staged.used += 1;
      if (staged.times !== undefined && staged.used >= staged.times) queue = queue.filter((other) => other !== staged);
      return staged;
    },
  };
}
