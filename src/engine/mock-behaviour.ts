import type { StagedAnswer } from './control/answers';

/** How a mock answers, whichever face serves it (`startMock`, `createHandlers`); defaults in MOCK_DEFAULTS. */
export interface MockBehaviour {
  /** Makes ids, timestamps and generated data reproducible. */
  seed?: string | number;
  /** Accept only these bearer tokens (default: any non-empty token). */
  tokens?: string[];
  /** Tokens that lack the operation's scopes: answered 403. */
  forbiddenTokens?: string[];
  /** Milliseconds to wait before every answer. Default 0. */
  delay?: number;
  /** Largest request body accepted, in bytes. Default 1 MiB. */
  bodyLimit?: number;
  /** Requests the journal keeps (newest last). Default 1000; 0 keeps none. */
  journalSize?: number;
  /** Answers staged from the start (as `answerNext` and `POST /__mock/answers` take them). */
  answers?: StagedAnswer[];
  /** Longest a staged `stall` fault holds an answer, in milliseconds. Default 30 000. */
  stallLimit?: number;
}
