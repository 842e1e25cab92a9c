import { expectedStatusOf } from './expected_status';

/** A request failing two stages at once gets the earlier stage's status (the operation's x-check-order, else 401, 403, 400, 422). */
export const checkOrder = expectedStatusOf(
  'check_order',
  "a request failing an earlier and a later stage at once gets the earlier stage's status (401, 403, 400, 422 in order)",
  'order',
);
