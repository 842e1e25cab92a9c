// Whether the mock keeps anything per request: its live heap (after full collections) before and
// after the bench's 200,000 requests, measured in this process. Resident memory (measured on the
// mock's own process) also follows V8's sizing of its heap spaces; the live heap does not.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startMock } from '../src/mock/start';
import { load, VALID } from './load';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

function liveHeapMb(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed / 1e6;
}

export async function heapGrowth(requests: number): Promise<{ beforeMb: number; afterMb: number }> {
  const mock = await startMock({ port: 0, logLevel: 'silent', watch: false });
  try {
    await load(mock.url, VALID, { amount: 5_000 });
    const beforeMb = liveHeapMb();
    await load(mock.url, VALID, { amount: requests });
    return { beforeMb, afterMb: liveHeapMb() };
  } finally {
    await mock.close();
  }
}
