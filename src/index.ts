/**
 * kaiten-webhooks-harness: the public API.
 * @example
 * import { startMock } from 'kaiten-webhooks-harness';
 * const mock = await startMock({ port: 0, logLevel: 'silent' });
 * // point the app under test at mock.url, then:
 * await mock.close();
 */
export { startMock, type MockOptions, type RunningMock } from './mock/start';
export type { LogLevel } from './mock/log';
export { loadSpec, SpecError, type Spec, type SpecDocument } from './spec/load';
export type { CreateWebhookRequest, EventName, Problem, ProblemDetail, Webhook } from './types';
