/**
 * kaiten-webhooks-harness/msw: the mock's engine as Mock Service Worker handlers, for the browser
 * (`setupWorker`), Storybook and test runners (`setupServer` from `msw/node`). Needs `msw` 2.x.
 * @example
 * import { setupWorker } from 'msw/browser';
 * import { createHandlers } from 'kaiten-webhooks-harness/msw';
 * await setupWorker(...createHandlers({ baseUrl: '/api' }).handlers).start();
 */
export { createHandlers, type HandlersOptions, type KaitenHandlers } from './handlers';
export type { Staged, StagedAnswer, Fault } from '../engine/control/answers';
export type { JournalEntry, JournalFilter, Reason } from '../engine/control/journal';
export type { Har } from '../engine/control/har';
