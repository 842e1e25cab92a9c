// Readable names for the types openapi-typescript generates from spec/openapi.yaml
// (`npm run gen:types`); a test fails when src/generated/ drifts from the spec.
import type { components } from './generated/openapi';

type Schemas = components['schemas'];

/** The body of `POST /webhooks`. */
export type CreateWebhookRequest = Schemas['CreateWebhookRequest'];
/** A created webhook, as the `201` answer returns it. */
export type Webhook = Schemas['Webhook'];
/** One event name from the catalogue. */
export type EventName = Schemas['EventName'];
/** An RFC 9457 problem details body (Huma's `ErrorModel`), sent with every error. */
export type Problem = Schemas['ErrorModel'];
/** One violation inside a `Problem` (Huma's `ErrorDetail`). */
export type ProblemDetail = Schemas['ErrorDetail'];
