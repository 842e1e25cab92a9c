// `npm run bench`: this mock against `prism mock` and a bare node:http server, loaded in turn by
// autocannon in one run, reported as ratios. Targets live in the README; nothing here asserts.
import autocannon from 'autocannon';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/version';
import { BARE, OURS, PRISM, residentMb, startTarget, stopTarget, type TargetCommand } from './targets';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 50;
const ROUNDS = 2;
const MEMORY_REQUESTS = Number(process.env.BENCH_MEMORY_REQUESTS ?? 200_000);
const VALID = JSON.stringify({ url: 'https://hooks.example.com/kaiten', eventNames: ['CUSTOMER_CREATION', 'RELEASE_CREATION'] });
const INVALID = JSON.stringify({ url: 'http://hooks.example.com/kaiten', eventNames: [] });

interface Load {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

function load(url: string, body: string, seconds: number, amount?: number): Promise<Load> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${url}/webhooks`,
        method: 'POST',
        connections: CONNECTIONS,
        ...(amount === undefined ? { duration: seconds } : { amount }),
        headers: { authorization: 'Bearer bench-token', 'content-type': 'application/json' },
        body,
      },
      (error, result) => {
        if (error !== null && error !== undefined) return reject(error instanceof Error ? error : new Error(String(error)));
        resolve({ requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx });
      },
    );
  });
}

/** One target: started, warmed up, then loaded for the measured duration. */
async function measure(command: TargetCommand, body = VALID): Promise<Load & { target: string; startupMs?: number; spawnToListenMs: number }> {
  const target = await startTarget(command);
  try {
    await load(target.url, body, 2); // warm-up: JIT and connection set-up
    const result = await load(target.url, body, DURATION);
    return { target: command.name, ...result, spawnToListenMs: Math.round(target.spawnToListenMs), ...(target.readyMs === undefined ? {} : { startupMs: target.readyMs }) };
  } finally {
    await stopTarget(target);
  }
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const fixed = (value: number, digits = 1) => value.toFixed(digits);

async function memoryGrowth(): Promise<{ beforeMb: number; afterMb: number; growthMb: number; requests: number }> {
  const target = await startTarget(OURS());
  try {
    await load(target.url, VALID, 0, 5_000);
    const beforeMb = residentMb(target.process.pid!);
    await load(target.url, VALID, 0, MEMORY_REQUESTS);
    const afterMb = residentMb(target.process.pid!);
    return { beforeMb, afterMb, growthMb: afterMb - beforeMb, requests: MEMORY_REQUESTS };
  } finally {
    await stopTarget(target);
  }
}

async function main(): Promise<void> {
  const rounds: Record<string, Load[]> = {};
  const record = (name: string, result: Load) => (rounds[name] ??= []).push(result);
  const startups: number[] = [];
  const processStarts: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    for (const command of [OURS(), PRISM, BARE]) {
      const result = await measure(command);
      record(command.name, result);
      if (result.startupMs !== undefined && command.name === 'kaiten-webhooks') {
        startups.push(result.startupMs);
        processStarts.push(result.spawnToListenMs);
      }
      process.stdout.write(`round ${round}: ${command.name}: ${fixed(result.requestsPerSecond, 0)} req/s, p99 ${result.p99} ms\n`);
    }
    record('kaiten-webhooks 422 path', await measure(OURS(), INVALID));
    record('kaiten-webhooks --workers 2', await measure(OURS('--workers', '2')));
    record('kaiten-webhooks --journal-size 0', await measure(OURS('--journal-size', '0')));
  }
  const summary = Object.fromEntries(
    Object.entries(rounds).map(([name, results]) => [name, { requestsPerSecond: mean(results.map((r) => r.requestsPerSecond)), p50: mean(results.map((r) => r.p50)), p99: Math.max(...results.map((r) => r.p99)), errors: results.reduce((n, r) => n + r.errors, 0), non2xx: results.reduce((n, r) => n + r.non2xx, 0), runs: results }]),
  );
  const rps = (name: string) => summary[name]!.requestsPerSecond;
  const ratios = {
    oursOverPrism: rps('kaiten-webhooks') / rps('prism mock'),
    oursOverBare: rps('kaiten-webhooks') / rps('node:http (parse + echo)'),
    invalidOverValid: rps('kaiten-webhooks 422 path') / rps('kaiten-webhooks'),
    workersOverOne: rps('kaiten-webhooks --workers 2') / rps('kaiten-webhooks'),
    journalOnOverOff: rps('kaiten-webhooks') / rps('kaiten-webhooks --journal-size 0'),
  };
  const memory = await memoryGrowth();
  const report = { machine: { cores: cpus().length, node: process.version }, durationSeconds: DURATION, connections: CONNECTIONS, summary, ratios, startupMs: Math.max(...startups), processStartMs: Math.max(...processStarts), memory };
  mkdirSync(join(PACKAGE_ROOT, 'reports'), { recursive: true });
  const file = join(PACKAGE_ROOT, 'reports', 'bench.json');
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);

  const lines = [
    '',
    `${cpus().length} cores, Node ${process.version}, ${CONNECTIONS} connections, ${DURATION} s per run, ${ROUNDS} runs each (means; p99 is the worse run)`,
    '',
    'target                          req/s    p50 ms  p99 ms  errors  non-2xx',
    ...Object.entries(summary).map(([name, s]) => `${name.padEnd(30)} ${fixed(s.requestsPerSecond, 0).padStart(7)}  ${fixed(s.p50).padStart(7)} ${fixed(s.p99).padStart(7)} ${String(s.errors).padStart(7)} ${String(s.non2xx).padStart(8)}`),
    '',
    `ours / prism        ${fixed(ratios.oursOverPrism, 2)}x   (target >= 4)`,
    `ours / bare         ${fixed(ratios.oursOverBare, 2)}    (target >= 0.3)`,
    `422 path / 201 path ${fixed(ratios.invalidOverValid, 2)}    (target: within 2x, >= 0.5)`,
    `--workers 2 / one   ${fixed(ratios.workersOverOne, 2)}    (the load generator shares these ${cpus().length} cores)`,
    `journal on / off    ${fixed(ratios.journalOnOverOff, 2)}    (target >= 0.9: the default keeps the last 1000 requests)`,
    `p99 at ${CONNECTIONS} connections ${fixed(summary['kaiten-webhooks']!.p99)} ms (target <= 10)`,
    `startup (spec load to listening) ${Math.max(...startups)} ms (target <= 1000); process start to listening ${Math.max(...processStarts)} ms`,
    `memory growth over ${memory.requests} requests ${fixed(memory.growthMb)} MB (${fixed(memory.beforeMb)} -> ${fixed(memory.afterMb)}; target <= 50)`,
    '',
    `written to ${file}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
