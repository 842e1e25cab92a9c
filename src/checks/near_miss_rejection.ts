import { expectedStatusOf } from './expected_status';

/** A value one small mutation away from a valid one (case, whitespace, prefix, a non-ASCII or control character) is refused. */
export const nearMissRejection = expectedStatusOf(
  'near_miss_rejection',
  'a value one small mutation away from a valid one (case, whitespace, affixes, non-ASCII or control characters) is refused',
  'near-miss',
);
