/** Huma's order, and RFC 9110's reading of the statuses: who you are, what you may do, whether the body parses, whether it is valid. */
export const DEFAULT_CHECK_ORDER: readonly number[] = [401, 403, 400, 422];

/**
 * The order in which an operation checks a request, from its `x-check-order` extension where the
 * spec states one, else DEFAULT_CHECK_ORDER. The mock answers in this order; the contract suites
 * check that a target does.
 */
export function checkOrderOf(extensions: Record<string, unknown> | undefined): number[] {
  const stated = extensions?.['x-check-order'];
  return Array.isArray(stated) ? stated.map(Number) : [...DEFAULT_CHECK_ORDER];
}
