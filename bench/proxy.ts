// The proxy's cost: the same load straight to an upstream, through a TCP relay that copies bytes
// and reads nothing (the ceiling for any proxy here), through a bare node:http forwarder, and
// through `kaiten-webhooks proxy`, in rotating order. The upstream answers as the contract says,
// so the proxy's checks pass and its own work is measured.
import { join } from 'node:path';
import { load, VALID, type Measured } from './load';
import { measure } from './measure';
import { PROXY, startTarget, stopTarget, type TargetCommand } from './targets';

/** As many as there are sides: each takes each place in the order once. */
const ROUNDS = 4;
const SECONDS = 5;

const UPSTREAM: TargetCommand = { name: 'conformant node:http upstream', args: (port) => [join(__dirname, 'bare-server.js'), String(port), 'conformant'] };
const BARE_PROXY = (upstream: string): TargetCommand => ({ name: 'bare node:http proxy', args: (port) => [join(__dirname, 'bare-proxy.js'), String(port), upstream] });
const TCP_RELAY = (upstream: string): TargetCommand => ({ name: 'TCP relay', args: (port) => [join(__dirname, 'tcp-relay.js'), String(port), upstream] });

/** Each side's loads, with the CPU its own process spent (the upstream's, for direct). */
export interface ProxyCost {
  direct: Measured[];
  /** Through the TCP relay (bytes copied, nothing read). */
  relay: Measured[];
  /** Through the bare forwarder. */
  bare: Measured[];
  through: Measured[];
}

type Side = keyof ProxyCost;
const SIDES: Side[] = ['direct', 'relay', 'bare', 'through'];

export async function proxyCost(): Promise<ProxyCost> {
  const upstream = await startTarget(UPSTREAM);
  const targets = { direct: upstream, relay: await startTarget(TCP_RELAY(upstream.url)), bare: await startTarget(BARE_PROXY(upstream.url)), through: await startTarget(PROXY(upstream.url)) };
  try {
    for (const side of SIDES) await load(targets[side].url, VALID, { seconds: 2 });
    const cost: ProxyCost = { direct: [], relay: [], bare: [], through: [] };
    for (let round = 0; round < ROUNDS; round++) {
      // Each side takes each place in the order once: drift on the machine falls on all of them.
      const order = SIDES.map((_side, i) => SIDES[(i + round) % SIDES.length]!);
      for (const side of order) cost[side].push(await measure(targets[side], VALID, SECONDS));
    }
    return cost;
  } finally {
    await stopTarget(targets.through);
    await stopTarget(targets.bare);
    await stopTarget(targets.relay);
    await stopTarget(upstream);
  }
}
