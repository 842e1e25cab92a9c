// `npm run bench`: this mock against `prism mock` and a bare node:http server, in one run, reported
// as ratios. Fair by construction: every server's output goes to /dev/null (none passes through
// this process), all are started first and warmed up alike, and the measured runs are interleaved
// round by round so that drift on the machine falls on all of them. Nothing asserts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/platform/version';
import { CONNECTIONS, INVALID, VALID, load, type Measured } from './load';
import { measure } from './measure';
import { gcCost } from './gc';
import { heapGrowth } from './heap';
import { pipelineCost } from './pipeline';
import { proxyCost } from './proxy';
import { formatReport, type MemoryGrowth } from './report';
import { BARE, OURS, PRISM, residentMb, startTarget, stopTarget, type Target, type TargetCommand } from './targets';

const DURATION = Number(process.env.BENCH_DURATION ?? 6);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WARM_UP_SECONDS = 2;
const MEMORY_REQUESTS = Number(process.env.BENCH_MEMORY_REQUESTS ?? 200_000);

/** One measured load: which server, with which body. */
interface Run {
  name: string;
  command: TargetCommand;
  body: string;
}

const OURS_DEFAULT = OURS();
// Runs compared with each other sit side by side (the default, the journal off, the 422 path), and
// every other round goes in reverse order, so that drift on the machine falls on both of a pair.
const RUNS: Run[] = [
  { name: 'kaiten-webhooks', command: OURS_DEFAULT, body: VALID },
  { name: 'kaiten-webhooks --journal-size 0', command: OURS('--journal-size', '0'), body: VALID },
  { name: 'kaiten-webhooks 422 path', command: OURS_DEFAULT, body: INVALID },
  { name: 'prism mock', command: PRISM, body: VALID },
  { name: 'node:http (parse + echo)', command: BARE, body: VALID },
  { name: 'kaiten-webhooks --workers 2', command: OURS('--workers', '2'), body: VALID },
];

const STARTS = 3;

/** Spec load to listening (as the mock reports it) and process start to the first answer, a few times over. */
async function startups(): Promise<{ specLoadToListeningMs: number[]; processStartToFirstAnswerMs: number[] }> {
  const measured = { specLoadToListeningMs: [] as number[], processStartToFirstAnswerMs: [] as number[] };
  for (let start = 0; start < STARTS; start++) {
    const spawned = performance.now();
    const target = await startTarget(OURS(), 'keep');
    try {
      await fetch(`${target.url}/webhooks`, {
        method: 'POST',
        headers: { authorization: 'Bearer bench-token', 'content-type': 'application/json' },
        body: VALID,
      }).then((answer) => answer.arrayBuffer());
      measured.processStartToFirstAnswerMs.push(Math.round(performance.now() - spawned));
      measured.specLoadToListeningMs.push(target.readyMs ?? NaN);
    } finally {
      await stopTarget(target);
    }
  }
  return measured;
}

/** Resident memory after a warm-up, then after each half of the requests: a bounded journal keeps the second half flat. */
async function memoryGrowth(command: TargetCommand): Promise<MemoryGrowth> {
  const target = await startTarget(command);
  try {
    await load(target.url, VALID, { amount: 5_000 });
    const beforeMb = residentMb(target.process.pid!);
    await load(target.url, VALID, { amount: MEMORY_REQUESTS / 2 });
    const halfwayMb = residentMb(target.process.pid!);
    await load(target.url, VALID, { amount: MEMORY_REQUESTS / 2 });
    const afterMb = residentMb(target.process.pid!);
    return {
      beforeMb,
      halfwayMb,
      afterMb,
      growthMb: afterMb - beforeMb,
      secondHalfMb: afterMb - halfwayMb,
      requests: MEMORY_REQUESTS,
    };
  } finally {
    await stopTarget(target);
  }
}

async function main(): Promise<void> {
  const started = new Map<TargetCommand, Target>();
  try {
    const startup = await startups();
    for (const command of new Set(RUNS.map((run) => run.command))) started.set(command, await startTarget(command));
    for (const run of RUNS) await load(started.get(run.command)!.url, run.body, { seconds: WARM_UP_SECONDS });
    const rounds: Record<string, Measured>[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const results: Record<string, Measured> = {};
      for (const run of round % 2 === 1 ? RUNS : [...RUNS].reverse()) {
        const result = await measure(started.get(run.command)!, run.body, DURATION);
        results[run.name] = result;
        process.stdout.write(
          `round ${round}: ${run.name}: ${result.requestsPerSecond.toFixed(0)} req/s, p99 ${result.p99} ms, ${result.cpuUsPerRequest.toFixed(0)} us CPU a request\n`,
        );
      }
      rounds.push(results);
    }
    for (const target of started.values()) await stopTarget(target);
    started.clear();
    const quiet = ['--log-level', 'warn'];
    const gc = await gcCost(OURS(...quiet), OURS('--journal-size', '0', ...quiet));
    const proxy = await proxyCost();
    const pipeline = await pipelineCost();
    const memory = {
      ...(await memoryGrowth(OURS())),
      journalOff: await memoryGrowth(OURS('--journal-size', '0')),
      liveHeapMb: await heapGrowth(MEMORY_REQUESTS),
    };
    const report = {
      machine: { cores: cpus().length, node: process.version },
      durationSeconds: DURATION,
      warmUpSeconds: WARM_UP_SECONDS,
      connections: CONNECTIONS,
      rounds,
      startup,
      gc,
      proxy,
      pipeline,
      memory,
    };
    mkdirSync(join(PACKAGE_ROOT, 'reports'), { recursive: true });
    const file = join(PACKAGE_ROOT, 'reports', 'bench.json');
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`${formatReport(report)}\nwritten to ${file}\n`);
  } finally {
    for (const target of started.values()) await stopTarget(target);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
