/**
 * kaiten-webhooks-harness: the public API (Node). A browser app imports the values and types from
 * `kaiten-webhooks-harness/values` and the MSW handlers from `kaiten-webhooks-harness/msw`.
 * @example
 * import { startMock, verify, EVENT_NAMES } from 'kaiten-webhooks-harness';
 * const mock = await startMock({ port: 0, logLevel: 'silent' });
 * // point the app under test at mock.url, then:
 * await mock.close();
 */

// The mock: a server on a port of its own, with the control surface's handle.
export { startMock, type MockOptions, type RunningMock } from './mock/start';
export type { LogLevel } from './engine/log';
export type { Har } from './engine/control/har';

// What stops a call (a spec it cannot use, a port in use, an answer it cannot stage): every such
// error is a HarnessError, carrying the exit code the CLI gives it.
export { HarnessError } from './platform/harness-error';

// The validating proxy, and the verdict and exit code its CLI gives.
export { startProxy, ProxyStartError, type ProxyOptions, type RunningProxy } from './proxy/start';
export { proxyExitCode, proxyVerdict, type FailOn } from './traffic/verdict';

// Verifying an implementation, and the reports every formatter renders.
export { verify, type Suite, type VerifyOptions, type VerifyResult } from '../contracts/verify';
export { formatVerifyResult } from './report/format';
export type {
  CheckStatus,
  Report,
  ReportedCheck,
  ReportedError,
  ReportedFailure,
  ReportedRequest,
} from './report/report';
export type { CoverageRow } from './report/coverage';

// The spec's values and types (also at `kaiten-webhooks-harness/values`, which a browser can load).
export {
  EVENT_NAMES,
  EXAMPLES,
  type CreateWebhookRequest,
  type EventName,
  type Problem,
  type ProblemDetail,
  type Webhook,
} from './values';
