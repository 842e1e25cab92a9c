// The proxy's cost: the same load straight to an upstream, through a bare node:http forwarder (the
// floor any Node proxy stands on) and through `kaiten-webhooks proxy`, in rotating order. The
// upstream answers as the contract says, so the proxy's checks pass and its own work is measured.
import { join } from 'node:path';
import { load, VALID, type Load } from './load';
import { PROXY, startTarget, stopTarget, type TargetCommand } from './targets';

const ROUNDS = 3;
const SECONDS = 5;

const UPSTREAM: TargetCommand = { name: 'conformant node:http upstream', args: (port) => [join(__dirname, 'bare-server.js'), String(port), 'conformant'] };
const BARE_PROXY = (upstream: string): TargetCommand => ({ name: 'bare node:http proxy', args: (port) => [join(__dirname, 'bare-proxy.js'), String(port), upstream] });

export interface ProxyCost {
  direct: Load[];
  /** Through the bare forwarder. */
  bare: Load[];
  through: Load[];
}

type Side = keyof ProxyCost;
const SIDES: Side[] = ['direct', 'bare', 'through'];

export async function proxyCost(): Promise<ProxyCost> {
  const upstream = await startTarget(UPSTREAM);
  const targets = { direct: upstream, bare: await startTarget(BARE_PROXY(upstream.url)), through: await startTarget(PROXY(upstream.url)) };
  try {
    for (const side of SIDES) await load(targets[side].url, VALID, { seconds: 2 });
    const cost: ProxyCost = { direct: [], bare: [], through: [] };
    for (let round = 0; round < ROUNDS; round++) {
      // Each side takes each place in the order once: drift on the machine falls on all three.
      const order = SIDES.map((_side, i) => SIDES[(i + round) % SIDES.length]!);
      for (const side of order) cost[side].push(await load(targets[side].url, VALID, { seconds: SECONDS }));
    }
    return cost;
  } finally {
    await stopTarget(targets.through);
    await stopTarget(targets.bare);
    await stopTarget(upstream);
  }
}
