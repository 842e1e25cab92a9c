import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { HarnessError } from '../../platform/harness-error';
import { parseStagedAnswer, type StagedAnswer } from './answers';

/** Why a file of staged answers cannot be used: said with the file's name. */
export class AnswersFileError extends HarnessError {
  override name = 'AnswersFileError';
}

/** Reads `--answers FILE`: a YAML or JSON list of staged answers (or one), each checked as the admin API checks it. */
export function readAnswersFile(path: string): StagedAnswer[] {
  let value: unknown;
  try {
    value = parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new AnswersFileError(`cannot use the answers file ${path}: ${(error as Error).message.split('\n')[0]!}`);
  }
  const answers = Array.isArray(value) ? value : [value];
  const parsed = answers.map(parseStagedAnswer);
  const wrong = parsed.flatMap((result, i) =>
    Array.isArray(result) ? result.map((why) => `answer ${i + 1}: ${why}`) : [],
  );
  if (wrong.length > 0) throw new AnswersFileError(`cannot use the answers file ${path}: ${wrong.join('; ')}`);
  return parsed as StagedAnswer[];
}
