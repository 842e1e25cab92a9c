import cluster from 'node:cluster';
import { serveUntil } from './alongside';
import type { Output } from './output';

/** What a worker tells the primary once it listens. */
interface Listening {
  kind: 'listening';
  url: string;
  startupMs: number;
}

/**
 * `mock --workers N`: the primary forks N workers (node:cluster re-runs this CLI in each), which
 * share the listening socket; it prints the URL once all listen, and stops them on `stopped`.
 */
export async function runPrimary(
  workers: number,
  output: Output,
  stopped: Promise<unknown>,
  alongside?: string[],
): Promise<number> {
  const started = performance.now();
  const forked = Array.from({ length: workers }, () => cluster.fork());
  const urls = await Promise.all(
    forked.map(
      (worker) =>
        new Promise<string | undefined>((resolve) => {
          worker.on('message', (message: Listening) => {
            if (message.kind === 'listening') resolve(message.url);
          });
          worker.on('exit', () => resolve(undefined));
        }),
    ),
  );
  if (urls.some((url) => url === undefined)) {
    forked.forEach((worker) => worker.kill());
    return 2; // a worker said why on its own standard error
  }
  output.out(`listening on ${urls[0]!} (${workers} workers)\n`);
  output.out(`ready in ${Math.round(performance.now() - started)} ms (spec load to listening, all workers)\n`);
  output.out(
    `control surface and journal off: they need one state, which ${workers} workers would split (use --workers 1)\n`,
  );
  const { commandCode } = await serveUntil(stopped, alongside, { KAITEN_MOCK_URL: urls[0]! }, (line) =>
    output.err(`kaiten-webhooks: ${line}\n`),
  );
  await Promise.all(
    forked.map(
      (worker) =>
        new Promise((resolve) =>
          worker.isDead() ? resolve(undefined) : (worker.once('exit', resolve), worker.kill('SIGTERM')),
        ),
    ),
  );
  return commandCode ?? 0;
}

/** In a worker: tell the primary where this worker listens. */
export function reportListening(url: string, startupMs: number): void {
  const message: Listening = { kind: 'listening', url, startupMs };
  process.send?.(message);
}

export const isWorker = () => cluster.isWorker;
