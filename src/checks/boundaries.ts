import { expectedStatusOf } from './expected_status';

/** Exactly at a limit is accepted, one past it refused: length, items and numeric bounds. */
export const boundaries = expectedStatusOf(
  'boundaries',
  'a value exactly at a limit (length, items, bounds) is accepted, one past it refused',
  'boundary',
);
