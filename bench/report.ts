// The bench's printed report: per-server rounds as min / median / max, ratios taken within each
// round (the runs closest in time) and summarised the same way, each beside its target.
import type { Measured } from './load';
import type { ProxyCost } from './proxy';
import { proxyLines } from './proxy-report';
import { fixed, range, spread, verdict } from './spread';

/** Resident memory after a warm-up, then after each half of the requests. */
export interface MemoryGrowth {
  beforeMb: number;
  halfwayMb: number;
  afterMb: number;
  growthMb: number;
  secondHalfMb: number;
  requests: number;
}

export interface BenchReport {
  machine: { cores: number; node: string };
  durationSeconds: number;
  warmUpSeconds: number;
  connections: number;
  rounds: Record<string, Measured>[];
  startup: { specLoadToListeningMs: number[]; processStartToFirstAnswerMs: number[] };
  /** Microseconds of garbage collection per request, journal on and off, per alternating run. */
  gc: { on: number[]; off: number[] };
  /** The same load straight to the upstream, through two bare forwarders and the proxy, in rotating order. */
  proxy: ProxyCost;
  /** The pipeline alone, in process: CPU microseconds per request. */
  pipeline: Record<'valid' | 'invalid', { min: number; median: number }>;
  memory: MemoryGrowth & {
    /** The same with `--journal-size 0`: what the journal's entries do to resident memory. */
    journalOff: { beforeMb: number; afterMb: number; growthMb: number };
    /** The live heap after full collections, before and after as many requests, measured in process. */
    liveHeapMb: { beforeMb: number; afterMb: number };
  };
}

const OURS = 'kaiten-webhooks';
/** Each ratio: numerator and denominator run names, the target, and whether it is met. */
const RATIOS: [label: string, over: string, under: string, target: string, met: (median: number) => boolean][] = [
  ['ours / prism mock', OURS, 'prism mock', '>= 4 (stretch 8)', (r) => r >= 4],
  ['ours / bare node:http', OURS, 'node:http (parse + echo)', '>= 0.3 (stretch 0.5)', (r) => r >= 0.3],
  ['422 path / 201 path', 'kaiten-webhooks 422 path', OURS, 'within 1.2x', (r) => r >= 1 / 1.2 && r <= 1.2],
  ['journal on / off', OURS, 'kaiten-webhooks --journal-size 0', '>= 0.9', (r) => r >= 0.9],
  ['--workers 2 / one', 'kaiten-webhooks --workers 2', OURS, '(autocannon shares the cores)', () => true],
];

export function formatReport(report: BenchReport): string {
  const names = Object.keys(report.rounds[0] ?? {});
  const rps = (name: string) => report.rounds.map((round) => round[name]!.requestsPerSecond);
  const p99 = spread(report.rounds.map((round) => round[OURS]!.p99));
  const startLoad = spread(report.startup.specLoadToListeningMs);
  const firstAnswer = spread(report.startup.processStartToFirstAnswerMs);
  // What keeping 1,000 entries adds to the collector's work, as a share of all the work a request takes.
  const journalShare =
    (spread(report.gc.on).median - spread(report.gc.off).median) /
    spread(report.rounds.map((round) => round[OURS]!.cpuUsPerRequest)).median;
  const lines = [
    '',
    `${report.machine.cores} cores, Node ${report.machine.node}, ${report.connections} connections, ${report.warmUpSeconds} s warm-up each, ${report.rounds.length} interleaved rounds of ${report.durationSeconds} s; min / median / max of the rounds`,
    '',
    `${'run'.padEnd(34)} ${'req/s'.padStart(24)} ${'p99 ms'.padStart(16)} ${'CPU us/request'.padStart(16)} errors non-2xx`,
    ...names.map((name) => {
      const runs = report.rounds.map((round) => round[name]!);
      const errors = runs.reduce((n, r) => n + r.errors, 0);
      const non2xx = runs.reduce((n, r) => n + r.non2xx, 0);
      return `${name.padEnd(34)} ${range(spread(rps(name))).padStart(24)} ${range(spread(runs.map((r) => r.p99))).padStart(16)} ${range(spread(runs.map((r) => r.cpuUsPerRequest))).padStart(16)} ${String(errors).padStart(6)} ${String(non2xx).padStart(7)}`;
    }),
    '',
    `${'measure'.padEnd(34)} ${'min / median / max'.padStart(24)}  target`,
    ...RATIOS.map(([label, over, under, target, met]) => {
      const ratios = spread(rps(over).map((value, i) => value / rps(under)[i]!));
      return `${label.padEnd(34)} ${range(ratios, 2).padStart(24)}  ${target}  ${target.startsWith('(') ? '' : verdict(met(ratios.median))}`;
    }),
    `${'journal off / on, CPU per request'.padEnd(34)} ${range(spread(report.rounds.map((round) => round['kaiten-webhooks --journal-size 0']!.cpuUsPerRequest / round[OURS]!.cpuUsPerRequest)), 2).padStart(24)}  (the journal's cost without the load generator's noise)`,
    `${'journal GC cost / CPU per request'.padEnd(34)} ${fixed(journalShare, 3).padStart(24)}  <= 0.1  ${verdict(journalShare <= 0.1)}  (GC us/request on ${report.gc.on.map((v) => fixed(v, 1)).join(', ')}; off ${report.gc.off.map((v) => fixed(v, 1)).join(', ')})`,
    ...proxyLines(report.proxy),
    `${'pipeline alone, CPU us/request'.padEnd(34)} ${`${fixed(report.pipeline.valid.median, 1)} / ${fixed(report.pipeline.invalid.median, 1)}`.padStart(24)}  (valid / invalid, in process, median of 5 rounds)`,
    `${'p99 at 50 connections, ms'.padEnd(34)} ${range(p99).padStart(24)}  <= 10  ${verdict(p99.median <= 10)}`,
    `${'spec load to listening, ms'.padEnd(34)} ${range(startLoad).padStart(24)}  <= 300  ${verdict(startLoad.median <= 300)}`,
    `${'process start to first answer, ms'.padEnd(34)} ${range(firstAnswer).padStart(24)}  <= 1000  ${verdict(firstAnswer.median <= 1000)}`,
    `${`memory growth, ${report.memory.requests} requests, MB`.padEnd(34)} ${fixed(report.memory.growthMb, 1).padStart(24)}  <= 30  ${verdict(report.memory.growthMb <= 30)}  (${fixed(report.memory.beforeMb, 1)} -> ${fixed(report.memory.halfwayMb, 1)} -> ${fixed(report.memory.afterMb, 1)}; second half ${fixed(report.memory.secondHalfMb, 1)})`,
    `${'memory growth, journal off, MB'.padEnd(34)} ${fixed(report.memory.journalOff.growthMb, 1).padStart(24)}  (${fixed(report.memory.journalOff.beforeMb, 1)} -> ${fixed(report.memory.journalOff.afterMb, 1)}: what of the growth is not the journal's)`,
    `${'live heap after full GC, MB'.padEnd(34)} ${`${fixed(report.memory.liveHeapMb.beforeMb, 1)} -> ${fixed(report.memory.liveHeapMb.afterMb, 1)}`.padStart(24)}  (in process, over the same requests: what the mock keeps)`,
    '',
  ];
  return lines.join('\n');
}
