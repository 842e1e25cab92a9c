import type { IHttpOperation } from '@stoplight/types';
import { HarnessError } from '../../platform/harness-error';
import { isFor, operationName, parseStagedAnswer, type Staged, type StagedAnswer } from './answers';
import type { Control } from './state';

/** An answer that cannot be staged (not one the spec documents, or no control state to hold it): exit 2. */
export class StageError extends HarnessError {
  override name = 'StageError';
}

/** Why a staged answer cannot be given by the spec: an unknown operation, an undocumented code or example. */
export function checkStaged(answer: StagedAnswer, operations: IHttpOperation[]): string | undefined {
  const matching = operations.filter((operation) => isFor(answer, operation));
  if (matching.length === 0)
    return `no operation "${answer.operation ?? ''}"; the spec has ${operations.map((o) => `${o.iid ?? operationName(o)} (${operationName(o)})`).join(', ')}`;
  for (const operation of matching) {
    const responses =
      answer.code === undefined
        ? operation.responses
        : operation.responses.filter((r) => r.code === String(answer.code));
    if (responses.length === 0)
      return `no response with code=${answer.code} is documented for ${operationName(operation)}; documented: ${operation.responses.map((r) => r.code).join(', ')}`;
    const examples = responses.flatMap((r) => (r.contents ?? []).flatMap((c) => (c.examples ?? []).map((e) => e.key)));
    if (answer.example !== undefined && !examples.includes(answer.example))
      return `no example named "${answer.example}" for ${operationName(operation)}${answer.code === undefined ? '' : ` ${answer.code}`}; documented: ${examples.join(', ') || '(none)'}`;
  }
  return undefined;
}

/** Stages an answer after checking it against the spec, as the admin API does; a StageError says why it cannot. */
export function stageChecked(control: Control | undefined, answer: StagedAnswer, operations: IHttpOperation[]): Staged {
  if (control === undefined)
    throw new StageError('answers cannot be staged: this mock holds no control state (--workers)');
  const parsed = parseStagedAnswer(answer);
  if (Array.isArray(parsed)) throw new StageError(`cannot stage ${JSON.stringify(answer)}: ${parsed.join('; ')}`);
  const why = checkStaged(parsed, operations);
  if (why !== undefined) throw new StageError(`cannot stage ${JSON.stringify(answer)}: ${why}`);
  return control.answers.add(parsed);
}
