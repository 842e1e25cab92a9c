import { expectedStatusOf } from './expected_status';

/** A valid body in any form a valid client may send (charset, header case, Accept, whitespace, escapes, key order) is accepted. */
export const requestFormsAccepted = expectedStatusOf(
  'request_forms_accepted',
  'a valid request in any form a client may send (charset, header case, Accept, whitespace, \\u escapes, key order) is accepted',
  'form',
);
