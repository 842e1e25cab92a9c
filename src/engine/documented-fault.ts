import type { ErrorAnswer } from './problem';
import { documentedCodes } from '../spec/documented';
import { documentedCode, OUTSIDE_THE_OPERATION } from '../spec/http';
import { describeOperation, type Operation } from '../spec/operations';

// Where an operation does not document a fault's status, the nearest status it does, by what
// each means: a caller without the scope is told it is not authorised (or, as many APIs do, that
// the resource is not there); a bad request and an invalid one stand in for each other.
const NEAREST: Record<number, number[]> = { 401: [403, 400], 403: [401, 404], 400: [422], 422: [400] };

/**
 * The fault as the operation documents it: unchanged when its status is documented (exactly, by
 * range or by `default`) or outside the operation; else moved to the nearest documented status
 * (an invalid path parameter may also become 404), with the detail saying so. When nothing is
 * near, it stays as it is and the output self-check reports it as breaking the spec.
 */
export function documentedFault(operation: Operation, problem: ErrorAnswer): ErrorAnswer {
  const codes = documentedCodes(operation);
  if (OUTSIDE_THE_OPERATION.has(problem.status) || documentedCode(codes, problem.status) !== undefined) return problem;
  const pathOnly =
    (problem.errors ?? []).length > 0 && problem.errors!.every((error) => error.location.startsWith('path.'));
  const nearest = [...(NEAREST[problem.status] ?? []), ...(pathOnly ? [404] : [])].find((status) =>
    codes.includes(String(status)),
  );
  if (nearest === undefined) return problem;
  return {
    ...problem,
    status: nearest,
    detail: `${problem.detail} (answered ${nearest}: ${describeOperation(operation)} documents no ${problem.status})`,
  };
}
