import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Writes a report file (JUnit, JSON), creating its folder; says why it could not, naming what it is. */
export function writeReportFile(path: string, what: string, text: string): string | undefined {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return undefined;
  } catch (error) {
    return `cannot write the ${what} ${path}: ${(error as Error).message}`;
  }
}
