// The proxy's cost: the same load straight to an upstream, through a bare forwarder on the
// proxy's own transport (node:http both sides, keep-alive Agent), through a bare forwarder with
// undici behind (the other transport weighed in decisions/proxy-transport.md), and through
// `kaiten-webhooks proxy`, in rotating order. The upstream answers as the contract says, so the
// proxy's checks pass and its own work is measured.
import { join } from 'node:path';
import { load, VALID, type Measured } from './load';
import { measure } from './measure';
import { PROXY, startTarget, stopTarget, type TargetCommand } from './targets';

/** As many as there are sides: each takes each place in the order once. */
const ROUNDS = 4;
const SECONDS = 5;

const UPSTREAM: TargetCommand = {
  name: 'conformant node:http upstream',
  args: (port) => [join(__dirname, 'bare-server.js'), String(port), 'conformant'],
};
const forwarder =
  (file: string) =>
  (upstream: string): TargetCommand => ({
    name: file,
    args: (port) => [join(__dirname, file), String(port), upstream],
  });

/** Each side's loads, with the CPU its own process spent (the upstream's, for direct). */
export interface ProxyCost {
  direct: Measured[];
  /** Through the bare forwarder on node:http both sides (the proxy's transport). */
  bare: Measured[];
  /** Through the bare forwarder with undici's Pool behind. */
  undici: Measured[];
  through: Measured[];
}

type Side = keyof ProxyCost;
const SIDES: Side[] = ['direct', 'bare', 'undici', 'through'];

export async function proxyCost(): Promise<ProxyCost> {
  const upstream = await startTarget(UPSTREAM);
  const targets = {
    direct: upstream,
    bare: await startTarget(forwarder('bare-proxy.js')(upstream.url)),
    undici: await startTarget(forwarder('bare-proxy-undici.js')(upstream.url)),
    through: await startTarget(PROXY(upstream.url)),
  };
  try {
    for (const side of SIDES) await load(targets[side].url, VALID, { seconds: 2 });
    const cost: ProxyCost = { direct: [], bare: [], undici: [], through: [] };
    for (let round = 0; round < ROUNDS; round++) {
      // Each side takes each place in the order once: drift on the machine falls on all of them.
      const order = SIDES.map((_side, i) => SIDES[(i + round) % SIDES.length]!);
      for (const side of order) cost[side].push(await measure(targets[side], VALID, SECONDS));
    }
    return cost;
  } finally {
    for (const side of ['through', 'undici', 'bare'] as const) await stopTarget(targets[side]);
    await stopTarget(upstream);
  }
}
