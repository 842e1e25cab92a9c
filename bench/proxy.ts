// The proxy's cost: the same load straight to an upstream (the bare node:http server) and through
// `kaiten-webhooks proxy` to it, in alternating pairs. The proxy checks every exchange as it would
// in CI (the bare server's echo breaks the spec, so it also logs and keeps every failure).
import { load, VALID, type Load } from './load';
import { BARE, PROXY, startTarget, stopTarget } from './targets';

const PAIRS = 3;
const SECONDS = 5;

export interface ProxyCost {
  direct: Load[];
  through: Load[];
}

export async function proxyCost(): Promise<ProxyCost> {
  const upstream = await startTarget(BARE);
  const proxy = await startTarget(PROXY(upstream.url));
  try {
    for (const url of [upstream.url, proxy.url]) await load(url, VALID, { seconds: 2 });
    const cost: ProxyCost = { direct: [], through: [] };
    for (let pair = 0; pair < PAIRS; pair++) {
      const order = pair % 2 === 0 ? (['direct', 'through'] as const) : (['through', 'direct'] as const);
      for (const side of order) cost[side].push(await load(side === 'direct' ? upstream.url : proxy.url, VALID, { seconds: SECONDS }));
    }
    return cost;
  } finally {
    await stopTarget(proxy);
    await stopTarget(upstream);
  }
}
