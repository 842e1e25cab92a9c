/**
 * kaiten-webhooks-harness: the public API.
 * @example
 * import { startMock, verify, EVENT_NAMES } from 'kaiten-webhooks-harness';
 * const mock = await startMock({ port: 0, logLevel: 'silent' });
 * // point the app under test at mock.url, then:
 * await mock.close();
 */
import { enums, examples } from './generated/values';
import type { EventName } from './types';

export { startMock, type MockOptions, type RunningMock } from './mock/start';
export { startProxy, ProxyStartError, type ProxyOptions, type RunningProxy } from './proxy/start';
export { proxyExitCode, proxyVerdict, type FailOn } from './proxy/verdict';
export type { LogLevel } from './mock/log';
export { loadSpec, SpecError, type Spec, type SpecDocument } from './spec/load';
export type { CreateWebhookRequest, EventName, Problem, ProblemDetail, Webhook } from './types';
export { verify, type Suite, type VerifyOptions, type VerifyResult } from '../contracts/verify';
export { formatVerifyResult } from '../contracts/report/format';
export type { CheckStatus, Report, ReportedCheck, ReportedError, ReportedFailure, ReportedRequest } from '../contracts/report/report';
export type { CoverageRow } from '../contracts/coverage';

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
