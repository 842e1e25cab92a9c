// The mock's pipeline alone, in process (no HTTP, no load generator): CPU microseconds per request
// for a valid create and an invalid one, min and median of 5 rounds of 10,000. The steadiest
// number this machine gives for the hot path's own work (`node dist/bench/pipeline.js`).
import { createPipeline } from '../src/engine/pipeline';
import type { MockRequest } from '../src/engine/request';
import { loadSpec } from '../src/spec/load';
import { DEFAULT_SPEC } from '../src/platform/version';
import { INVALID, VALID } from './load';

const ROUNDS = 5;
const PER_ROUND = 10_000;

export async function pipelineCost(): Promise<Record<'valid' | 'invalid', { min: number; median: number }>> {
  const pipeline = createPipeline(await loadSpec(DEFAULT_SPEC), {
    auth: { tokens: new Set(), forbiddenTokens: new Set() },
  });
  const requestOf = (body: string): MockRequest => ({
    method: 'POST',
    path: '/webhooks',
    query: {},
    headers: { authorization: 'Bearer bench', 'content-type': 'application/json', host: 'bench' },
    body: Buffer.from(body),
  });
  const cost = (body: string) => {
    for (let i = 0; i < PER_ROUND / 2; i++) pipeline(requestOf(body)); // warm-up
    const rounds = Array.from({ length: ROUNDS }, () => {
      const before = process.cpuUsage();
      for (let i = 0; i < PER_ROUND; i++) pipeline(requestOf(body));
      const used = process.cpuUsage(before);
      return (used.user + used.system) / PER_ROUND;
    }).sort((a, b) => a - b);
    return { min: rounds[0]!, median: rounds[ROUNDS >> 1]! };
  };
  return { valid: cost(VALID), invalid: cost(INVALID) };
}

if (require.main === module) {
  void pipelineCost().then((cost) =>
    process.stdout.write(
      `pipeline CPU per request, us (min / median): valid ${cost.valid.min.toFixed(1)} / ${cost.valid.median.toFixed(1)}, invalid ${cost.invalid.min.toFixed(1)} / ${cost.invalid.median.toFixed(1)}\n`,
    ),
  );
}
