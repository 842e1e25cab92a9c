import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Every temporary folder a run makes, removed when it is done with, and on any exit of the
// process that did not get that far (process.exit from a signal handler included).
const made = new Set<string>();
let hooked = false;

function removeAll(): void {
  for (const folder of made) rmSync(folder, { recursive: true, force: true });
  made.clear();
}

/** Runs `use` with a new temporary folder, and removes the folder whatever happens. */
export async function withTempFolder<T>(prefix: string, use: (folder: string) => Promise<T>): Promise<T> {
  if (!hooked) {
    process.once('exit', removeAll);
    hooked = true;
  }
  const folder = mkdtempSync(join(tmpdir(), prefix));
  made.add(folder);
  try {
    return await use(folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
    made.delete(folder);
  }
}
