import { documentedCode } from '../spec/http';
import { describeOperation, type Operation } from '../spec/operations';
import { expectedStatuses, type Case } from '../checks/case';
import { documentedCodes } from '../spec/documented';
import { preferenceApplied } from '../checks/responses';
import type { Exchange } from '../checks/exchange';

/** How well one documented response was exercised by one suite. */
export interface CoverageRow {
  operation: string;
  /** As documented: `201`, `4XX`, `default`. */
  status: string;
  /** Requests sent that aimed at this status. */
  cases: number;
  /** Answers that came back with it. */
  seen: number;
  note?: string;
}

const aimsAt = (testCase: Case, status: string) =>
  expectedStatuses(testCase.operation, testCase.expectation).map(String).includes(status);

/**
 * Why a documented status was not exercised, in the words every suite's report uses; undefined
 * when it was. `planned` are every case built for the run, `sent` the ones a suite really sent.
 */
export function whyNotExercised(
  operation: Operation,
  status: string,
  planned: Case[],
  sent: Case[],
  exchanges: Exchange[],
  hasForbiddenToken: boolean,
): string | undefined {
  const mine = (c: Case) => c.operation.id === operation.id && aimsAt(c, status);
  if (!hasForbiddenToken && expectedStatuses(operation, 'forbidden').map(String).includes(status))
    return 'not exercised: pass --forbidden-token';
  const aimed = planned.filter(mine);
  if (aimed.length === 0) return 'not exercised: no case aims at it';
  const onlyAMock = aimed.every((c) => c.expectation === 'server-error');
  if (onlyAMock && !exchanges.some((e) => mine(e.case) && preferenceApplied(e)))
    return 'not exercised: only a mock can be asked for it';
  return sent.some(mine) ? undefined : 'not exercised: no case aims at it';
}

/** One row per documented response of every operation: never a row for a status the spec does not document. */
export function coverageOf(
  operations: Operation[],
  planned: Case[],
  sent: Case[],
  exchanges: Exchange[],
  hasForbiddenToken: boolean,
): CoverageRow[] {
  return operations.flatMap((operation) =>
    documentedCodes(operation).map((status) => {
      const row: CoverageRow = {
        operation: describeOperation(operation),
        status,
        cases: sent.filter((c) => c.operation.id === operation.id && aimsAt(c, status)).length,
        seen: exchanges.filter(
          (e) =>
            e.case.operation.id === operation.id &&
            documentedCode(documentedCodes(operation), e.response.status) === status,
        ).length,
      };
      const note = whyNotExercised(operation, status, planned, sent, exchanges, hasForbiddenToken);
      return note === undefined ? row : { ...row, note };
    }),
  );
}
