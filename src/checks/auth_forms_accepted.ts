import { expectedStatusOf } from './expected_status';

/** The valid credentials in every form the RFCs allow (the scheme in any case, more than one space) are accepted: a gateway stricter than RFC 9110 can leave this check out. */
export const authFormsAccepted = expectedStatusOf(
  'auth_forms_accepted',
  'the valid token in every form RFC 9110 and RFC 6750 allow (the scheme in lower or upper case, two spaces before the token) is accepted',
  'auth-form',
);
