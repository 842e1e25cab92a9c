/**
 * kaiten-webhooks-harness: the public API.
 * @example
 * import { startMock, verify, EVENT_NAMES } from 'kaiten-webhooks-harness';
 * const mock = await startMock({ port: 0, logLevel: 'silent' });
 * // point the app under test at mock.url, then:
 * await mock.close();
 */
export { startMock, type MockOptions, type RunningMock } from './mock/start';
export type { Har } from './mock/control/har';
export { startProxy, ProxyStartError, type ProxyOptions, type RunningProxy } from './proxy/start';
export { proxyExitCode, proxyVerdict, type FailOn } from './proxy/verdict';
export type { LogLevel } from './mock/log';
export { loadSpec, SpecError, type Spec, type SpecDocument } from './spec/load';
// The spec's values and types; also at `kaiten-webhooks-harness/values`, which a browser can load.
export {
  EVENT_NAMES,
  EXAMPLES,
  type CreateWebhookRequest,
  type EventName,
  type Problem,
  type ProblemDetail,
  type Webhook,
  type Writable,
} from './values';
export { verify, type Suite, type VerifyOptions, type VerifyResult } from '../contracts/verify';
export { formatVerifyResult } from '../contracts/report/format';
export type {
  CheckStatus,
  Report,
  ReportedCheck,
  ReportedError,
  ReportedFailure,
  ReportedRequest,
} from '../contracts/report/report';
export type { CoverageRow } from '../contracts/coverage';
