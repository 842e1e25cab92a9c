// One measured load: autocannon's numbers and the CPU time the server spent on them (from /proc).
import { load, type Measured } from './load';
import { cpuMs, type Target } from './targets';

export async function measure(target: Target, body: string, seconds: number): Promise<Measured> {
  const cpuBefore = cpuMs(target.process.pid!);
  const result = await load(target.url, body, { seconds });
  return { ...result, cpuUsPerRequest: ((cpuMs(target.process.pid!) - cpuBefore) * 1000) / Math.max(1, result.total) };
}
