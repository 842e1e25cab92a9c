import { documentedCodes, exampleKeysOf, responsesOf } from '../../spec/documented';
import { HarnessError } from '../../platform/harness-error';
import { describeOperation, type Operation } from '../../spec/operations';
import { isFor, parseStagedAnswer, type Staged, type StagedAnswer } from './answers';
import type { Control } from './state';

/** An answer that cannot be staged (not one the spec documents, or no control state to hold it): exit 2. */
export class StageError extends HarnessError {
  override name = 'StageError';
}

/** Why a staged answer cannot be given by the spec: an unknown operation, an undocumented code or example. */
export function checkStaged(answer: StagedAnswer, operations: Operation[]): string | undefined {
  const matching = operations.filter((operation) => isFor(answer, operation));
  if (matching.length === 0)
    return `no operation "${answer.operation ?? ''}"; the spec has ${operations.map((o) => `${o.id} (${describeOperation(o)})`).join(', ')}`;
  for (const operation of matching) {
    const documented = responsesOf(operation);
    const responses = answer.code === undefined ? documented : documented.filter((r) => r.code === String(answer.code));
    if (responses.length === 0)
      return `no response with code=${answer.code} is documented for ${describeOperation(operation)}; documented: ${documentedCodes(operation).join(', ')}`;
    const examples = responses.flatMap(exampleKeysOf);
    if (answer.example !== undefined && !examples.includes(answer.example))
      return `no example named "${answer.example}" for ${describeOperation(operation)}${answer.code === undefined ? '' : ` ${answer.code}`}; documented: ${examples.join(', ') || '(none)'}`;
  }
  return undefined;
}

/** Stages an answer after checking it against the spec, as the admin API does; a StageError says why it cannot. */
export function stageChecked(control: Control | undefined, answer: StagedAnswer, operations: Operation[]): Staged {
  if (control === undefined)
    throw new StageError('answers cannot be staged: this mock holds no control state (--workers)');
  const parsed = parseStagedAnswer(answer);
  if (Array.isArray(parsed)) throw new StageError(`cannot stage ${JSON.stringify(answer)}: ${parsed.join('; ')}`);
  const why = checkStaged(parsed, operations);
  if (why !== undefined) throw new StageError(`cannot stage ${JSON.stringify(answer)}: ${why}`);
  return control.answers.add(parsed);
}
