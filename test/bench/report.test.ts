import type { Measured } from '../../bench/load';
import { gcMsOf } from '../../bench/gc';
import { formatReport, type BenchReport } from '../../bench/report';

const run = (requestsPerSecond: number, p99 = 5, cpuUsPerRequest = 100, p50 = 1): Measured => ({
  requestsPerSecond,
  p50,
  p99,
  errors: 0,
  non2xx: 0,
  total: requestsPerSecond * 6,
  cpuUsPerRequest,
});

/** A round of the bench's runs with the given rates for ours, prism and the journal off. */
function round(ours: number, prism: number, journalOff: number): Record<string, Measured> {
  return {
    'kaiten-webhooks': run(ours),
    'prism mock': run(prism),
    'node:http (parse + echo)': run(40_000),
    'kaiten-webhooks 422 path': run(ours),
    'kaiten-webhooks --journal-size 0': run(journalOff),
    'kaiten-webhooks --workers 2': run(ours * 1.5),
  };
}

function report(rounds: Record<string, Measured>[]): BenchReport {
  return {
    machine: { cores: 2, node: 'v20' },
    durationSeconds: 6,
    warmUpSeconds: 2,
    connections: 50,
    rounds,
    startup: { specLoadToListeningMs: [200, 250, 400], processStartToFirstAnswerMs: [800, 900, 1200] },
    gc: { on: [12, 14], off: [4, 6] },
    pipeline: { valid: { min: 35, median: 37 }, invalid: { min: 20, median: 21 } },
    proxy: {
      direct: [run(40_000, 3, 20), run(40_000, 3, 30)],
      bare: [run(20_000, 4, 60, 2), run(20_000, 8, 80, 2)],
      undici: [run(24_000, 3, 50, 2), run(30_000, 5, 40, 3)],
      through: [run(10_000, 12, 90, 5), run(30_000, 6, 70, 2)],
    },
    memory: {
      beforeMb: 100,
      halfwayMb: 138,
      afterMb: 140,
      growthMb: 40,
      secondHalfMb: 2,
      requests: 200_000,
      journalOff: { beforeMb: 110, afterMb: 111, growthMb: 1 },
      liveHeapMb: { beforeMb: 21.4, afterMb: 21.2 },
    },
  };
}

const line = (text: string, label: string) => text.split('\n').find((l) => l.startsWith(label)) ?? '';

describe('the bench report', () => {
  test('ratios are taken within each round, and the median of them is judged', () => {
    // Round by round ours/prism is 5, 5 and 2: the median (5) meets the target, one slow round does not sink it.
    const text = formatReport(
      report([round(10_000, 2_000, 10_000), round(5_000, 1_000, 5_000), round(4_000, 2_000, 4_000)]),
    );
    expect(line(text, 'ours / prism mock')).toMatch(/2\.00 \/ 5\.00 \/ 5\.00 .* met$/);
  });

  test('a ratio whose median misses its target says NOT MET', () => {
    const text = formatReport(
      report([round(8_000, 1_000, 10_000), round(8_000, 1_000, 10_000), round(8_000, 1_000, 10_000)]),
    );
    expect(line(text, 'journal on / off')).toMatch(/0\.80 \/ 0\.80 \/ 0\.80 .*NOT MET$/);
  });

  test('start-up and memory are judged on their medians and growth', () => {
    const text = formatReport(report([round(8_000, 1_000, 8_000)]));
    expect(line(text, 'spec load to listening')).toMatch(/200 \/ 250 \/ 400 .* met$/);
    expect(line(text, 'process start to first answer')).toMatch(/800 \/ 900 \/ 1200 .* met$/);
    expect(line(text, 'memory growth')).toMatch(/40\.0 .*NOT MET/);
    expect(line(text, 'memory growth, journal off')).toMatch(/1\.0 .*110\.0 -> 111\.0/);
    expect(line(text, 'live heap after full GC')).toMatch(/21\.4 -> 21\.2/);
  });

  test("the journal's GC cost is judged against the whole CPU cost of a request", () => {
    // GC medians 13 and 5 us: 8 us of the 100 us a request costs (0.08), within the 10%.
    expect(line(formatReport(report([round(8_000, 1_000, 8_000)])), 'journal GC cost')).toMatch(/0\.080 .* met/);
    const heavier = { ...report([round(8_000, 1_000, 8_000)]), gc: { on: [25, 25], off: [5, 5] } };
    expect(line(formatReport(heavier), 'journal GC cost')).toMatch(/0\.200 .*NOT MET/);
  });
});

test('the proxy is judged on what it adds over the bare forwarder on its transport, round by round', () => {
  const text = formatReport(report([round(8_000, 1_000, 8_000)]));
  // Rounds: 10,000 of 20,000 and 30,000 of 20,000: 0.5 and 1.5, median 1.0; p50 2 -> 5 and 2 -> 2: +3 and 0, median 1.5.
  expect(line(text, 'proxy / bare forwarder')).toMatch(/0\.50 \/ 1\.00 \/ 1\.50 .* met/);
  expect(line(text, 'proxy added p50 over the forwarder')).toMatch(/1\.5 ms .*NOT MET .*2->5, 2->2/);
  // CPU per exchange, medians of the rounds: ours 80, node:http 70, undici 45; the upstream 25.
  expect(line(text, 'proxy CPU us/exchange')).toMatch(/ 80 \/ 70 \/ 45 .*the upstream 25 direct/);
  expect(line(text, 'through the proxy / direct')).toMatch(/0\.25 \/ 0\.50 \/ 0\.75/);
  expect(line(text, 'node:http forwarder / direct')).toMatch(/0\.50 \/ 0\.50 \/ 0\.50/);
  expect(line(text, 'undici / node:http forwarder')).toMatch(/1\.20 \/ 1\.35 \/ 1\.50/);
  expect(line(text, 'undici added p50 over node:http')).toMatch(/0\.5 ms/);
});

test('a proxy within both targets is met on both', () => {
  const within = {
    ...report([round(8_000, 1_000, 8_000)]),
    proxy: { ...report([]).proxy, through: [run(18_000, 5, 90, 3), run(17_000, 5, 90, 2)] },
  };
  const text = formatReport(within);
  expect(line(text, 'proxy / bare forwarder')).toMatch(/0\.85 \/ 0\.88 \/ 0\.90 .* met/);
  expect(line(text, 'proxy added p50 over the forwarder')).toMatch(/0\.5 ms .* met/);
});

describe('GC time read from --trace-gc lines', () => {
  test('adds the pauses of every kind of collection, and nothing else', () => {
    const log = [
      '[1234:0x5]      512 ms: Scavenge 9.1 (12.3) -> 8.2 (13.3) MB, 1.25 / 0.00 ms  (average mu = 1.000, current mu = 1.000) allocation failure;',
      'POST /webhooks 201 1ms',
      '[1234:0x5]      900 ms: Mark-Compact 20.0 (25.0) -> 15.0 (24.0) MB, 10.50 / 0.00 ms  (+ 3.2 ms in 40 steps since start of marking) finalize incremental marking;',
    ].join('\n');
    expect(gcMsOf(log)).toBeCloseTo(11.75);
  });
});
