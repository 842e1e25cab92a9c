import { expectedStatusOf } from './expected_status';

/** A request without a body, however framed, gets the documented status before its Content-Type is looked at (Huma: 400 "request body is required"). */
export const requestFraming = expectedStatusOf(
  'request_framing',
  'a request without a body (no Content-Type, another Content-Type, chunked and empty, whitespace only) gets 400 when the body is required, before the Content-Type is looked at',
  'framing',
);
