import { checkOrderOf } from '../../src/spec/check-order';
import type { Operation } from '../../src/spec/operations';
import { expectedStatuses, type Case, type Credentials, type Expectation } from '../../src/checks/case';

type Fault = { expectation: Expectation; title: string };
type CaseShape = Omit<Case, 'id' | 'title' | 'operation' | 'scheme'> & { title: string };

/**
 * Requests that fail an earlier stage and a later one at once (no credentials and an invalid
 * body, a token without the scope and malformed JSON...): each must get the earlier stage's
 * status, by the operation's order of checks.
 */
export function orderCases(
  operation: Operation,
  body: { invalid?: { title: string; value: unknown }; malformed?: string },
  hasForbiddenToken: boolean,
): CaseShape[] {
  const order = checkOrderOf(operation.definition);
  const rank = (expectation: Expectation) => {
    const status = expectedStatuses(operation, expectation)[0];
    const index = status === undefined ? -1 : order.indexOf(status);
    return index === -1 ? Number.POSITIVE_INFINITY : index;
  };
  const credentials: (Fault & { credentials: Credentials })[] = [
    { expectation: 'unauthenticated', credentials: 'none', title: 'no credentials' },
    ...(hasForbiddenToken
      ? [
          {
            expectation: 'forbidden' as const,
            credentials: 'forbidden' as const,
            title: 'a token without the required scope',
          },
        ]
      : []),
  ];
  const bodies: (Fault & Pick<Case, 'value' | 'raw'>)[] = [
    ...(body.invalid === undefined
      ? []
      : [
          {
            expectation: 'invalid' as const,
            title: `an invalid body (${body.invalid.title})`,
            value: body.invalid.value,
          },
        ]),
    ...(body.malformed === undefined
      ? []
      : [{ expectation: 'malformed' as const, title: 'malformed JSON', raw: body.malformed }]),
  ];
  return credentials.flatMap((credential) =>
    bodies.flatMap(({ expectation, title, ...sent }) => {
      if (!Number.isFinite(rank(credential.expectation)) || !Number.isFinite(rank(expectation))) return [];
      const first = rank(credential.expectation) <= rank(expectation) ? credential.expectation : expectation;
      return [
        {
          title: `${credential.title} and ${title}`,
          expectation: first,
          credentials: credential.credentials,
          aspect: 'order' as const,
          ...sent,
        },
      ];
    }),
  );
}
