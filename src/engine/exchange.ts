import type { DecodedBody } from './body';
import type { Minted } from './mint';
import type { PreferenceResult } from './prefer';
import type { MockRequest } from './request';

/** One request and what the edge made of it, handed to every stage. */
export interface Exchange {
  request: MockRequest;
  body: DecodedBody;
  preferences: PreferenceResult;
  /** The server-made values for this answer (timestamps, ids). */
  minted: Minted;
  /** The `--seed`, so that generated data is reproducible too. */
  seed?: string | undefined;
}
