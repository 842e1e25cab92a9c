/**
 * What the mock uses where an option or flag leaves a setting out: `startMock`, `createHandlers`
 * and `kaiten-webhooks mock` (its flags and its help) all read this one object. `host`, `port`,
 * `logLevel` and `receiveTimeout` are the HTTP mock's only; MSW listens on nothing and logs no requests.
 */
export const MOCK_DEFAULTS = {
  host: '127.0.0.1',
  port: 4010,
  logLevel: 'info',
  /** Milliseconds before every answer. */
  delay: 0,
  /** Largest request body accepted, in bytes: 1 MiB. */
  bodyLimit: 1024 * 1024,
  /** Milliseconds for a request's headers, and again for its body, to arrive. */
  receiveTimeout: 10_000,
  /** Requests the journal keeps. */
  journalSize: 1000,
  /** Longest a staged `stall` fault holds a connection or an answer, in milliseconds. */
  stallLimit: 30_000,
} as const;
