/**
 * kaiten-webhooks-harness: the public API.
 * @example
 * import { loadSpec, type Webhook } from 'kaiten-webhooks-harness';
 * const { document } = await loadSpec('spec/openapi.yaml');
 */
export { loadSpec, SpecError, type Spec, type SpecDocument } from './spec/load';
export type { CreateWebhookRequest, EventName, Problem, ProblemDetail, Webhook } from './types';
