import type { Staged, StagedAnswer } from './control/answers';
import type { Har } from './control/har';
import type { JournalEntry, JournalFilter } from './control/journal';

/**
 * The control state as typed functions on a mock's handle: the same state `/__mock`'s routes
 * write and read. `startMock()`'s handle and `createHandlers()`'s extend it.
 */
export interface ControlHandle {
  /** The requests answered, newest last (as `GET /__mock/requests` gives them). */
  requests(filter?: JournalFilter): JournalEntry[];
  /** The same requests as a HAR 1.2 log (as `GET /__mock/requests.har` gives it), credentials masked. */
  har(filter?: JournalFilter): Har;
  /** Stages an answer for the next matching requests (as `POST /__mock/answers` takes it); throws when the spec does not document it. */
  answerNext(answer: StagedAnswer): Staged;
  /** Removes every staged answer. */
  clearAnswers(): void;
  /** Removes every staged answer and empties the journal. */
  reset(): void;
}
