// The journal's cost, measured where it lands: time in V8's garbage collector per request, read
// from the server's own --trace-gc lines, with the journal on and off in alternating pairs. Less
// exposed to the machine's noise than throughput: a busy neighbour slows a run, not its GC count.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, VALID } from './load';
import { startTarget, stopTarget, type TargetCommand } from './targets';

const PAIRS = 2;
const SECONDS = 5;

/** Milliseconds of garbage collection a --trace-gc log reports, in total. */
export function gcMsOf(log: string): number {
  return [
    ...log.matchAll(/(?:Scavenge|Mark-Compact|Mark-sweep|Minor Mark-Sweep)[^,\n]*, ([\d.]+) \/ ([\d.]+) ms/g),
  ].reduce((sum, [, pause]) => sum + Number(pause), 0);
}

async function gcUsPerRequest(command: TargetCommand): Promise<number> {
  const target = await startTarget({ ...command, nodeFlags: ['--trace-gc'] }, 'keep');
  try {
    await load(target.url, VALID, { seconds: 1 }); // warm-up, not counted below
    const log = join(target.folder!, 'output.log');
    const before = gcMsOf(readFileSync(log, 'utf8'));
    const result = await load(target.url, VALID, { seconds: SECONDS });
    return ((gcMsOf(readFileSync(log, 'utf8')) - before) * 1000) / Math.max(1, result.total);
  } finally {
    await stopTarget(target);
  }
}

/** GC microseconds per request for each command, over alternating pairs. */
export async function gcCost(on: TargetCommand, off: TargetCommand): Promise<{ on: number[]; off: number[] }> {
  const measured = { on: [] as number[], off: [] as number[] };
  for (let pair = 0; pair < PAIRS; pair++) {
    const order =
      pair % 2 === 0
        ? ([
            ['on', on],
            ['off', off],
          ] as const)
        : ([
            ['off', off],
            ['on', on],
          ] as const);
    for (const [side, command] of order) measured[side].push(await gcUsPerRequest(command));
  }
  return measured;
}
