/**
 * kaiten-webhooks-harness/values: the spec's values and types, safe in a browser (no Node module,
 * no Prism): the event catalogue for a picker, the named examples for fixtures and stories.
 * @example
 * import { EVENT_NAMES, EXAMPLES, type CreateWebhookRequest } from 'kaiten-webhooks-harness/values';
 * const body: CreateWebhookRequest = EXAMPLES['create-webhook'].request['single-event'];
 */
import { enums, examples } from './generated/values';
import type { EventName } from './types';

export type { CreateWebhookRequest, EventName, Problem, ProblemDetail, Webhook } from './types';

/**
 * The event catalogue, in the spec's order (the `EventName` enum of spec/openapi.yaml).
 * @example
 * <select>{EVENT_NAMES.map((name) => <option key={name}>{name}</option>)}</select>
 */
export const EVENT_NAMES: readonly EventName[] = enums.EventName;

/**
 * The spec's named examples, by operationId: `request` bodies by name, and `responses` by status,
 * then by name.
 * @example
 * const body = EXAMPLES['create-webhook'].request['single-event'];
 * const problem = EXAMPLES['create-webhook'].responses['422']['insecure-url'];
 */
export const EXAMPLES = examples as Writable<typeof examples>;

/** The examples' literal types without `readonly`, so that an example can be passed where its schema's type is expected. */
export type Writable<T> = { -readonly [K in keyof T]: Writable<T[K]> };
