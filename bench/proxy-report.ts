// The proxy's rows of the bench report: what it adds over a bare forwarder on its own transport
// (issue 21's targets: >= 0.8 of its throughput, <= 1 ms more at p50), its CPU per exchange, and
// the other transport beside it. Ratios are taken round by round, then summarised.
import type { Load } from './load';
import type { ProxyCost } from './proxy';
import { fixed, range, spread, verdict } from './spread';

const label = (text: string) => text.padEnd(34);

export function proxyLines(proxy: ProxyCost): string[] {
  const perRound = (over: Load[], under: Load[]) =>
    spread(over.map((load, i) => load.requestsPerSecond / under[i]!.requestsPerSecond));
  const added = (over: Load[], under: Load[], at: 'p50' | 'p99') =>
    spread(over.map((load, i) => load[at] - under[i]![at]));
  const cpu = (side: keyof ProxyCost) => fixed(spread(proxy[side].map((m) => m.cpuUsPerRequest)).median);
  const share = perRound(proxy.through, proxy.bare);
  const addedP50 = added(proxy.through, proxy.bare, 'p50');
  const rounds = (over: Load[], under: Load[]) => under.map((load, i) => `${load.p50}->${over[i]!.p50}`).join(', ');
  return [
    `${label('proxy / bare forwarder, req/s')} ${range(share, 2).padStart(24)}  >= 0.8  ${verdict(share.median >= 0.8)}  (both node:http, keep-alive Agent)`,
    `${label('proxy added p50 over the forwarder')} ${`${fixed(addedP50.median, 1)} ms`.padStart(24)}  <= 1 ms  ${verdict(addedP50.median <= 1)}  (rounds: ${rounds(proxy.through, proxy.bare)} ms p50)`,
    `${label('proxy CPU us/exchange')} ${[cpu('through'), cpu('bare'), cpu('undici')].join(' / ').padStart(24)}  (ours / bare node:http forwarder / bare undici forwarder; the upstream ${cpu('direct')} direct)`,
    `${label('proxy added p50 / p99 over direct')} ${`${fixed(added(proxy.through, proxy.direct, 'p50').median, 1)} / ${fixed(added(proxy.through, proxy.direct, 'p99').median, 1)} ms`.padStart(24)}`,
    `${label('through the proxy / direct, req/s')} ${range(perRound(proxy.through, proxy.direct), 2).padStart(24)}  (2 cores shared by the upstream, the proxy and autocannon)`,
    `${label('node:http forwarder / direct')} ${range(perRound(proxy.bare, proxy.direct), 2).padStart(24)}`,
    `${label('undici forwarder / direct')} ${range(perRound(proxy.undici, proxy.direct), 2).padStart(24)}`,
    `${label('undici / node:http forwarder')} ${range(perRound(proxy.undici, proxy.bare), 2).padStart(24)}  (the transport not chosen, decisions/proxy-transport.md)`,
    `${label('undici added p50 over node:http')} ${`${fixed(added(proxy.undici, proxy.bare, 'p50').median, 1)} ms`.padStart(24)}  (rounds: ${rounds(proxy.undici, proxy.bare)} ms p50)`,
  ];
}
