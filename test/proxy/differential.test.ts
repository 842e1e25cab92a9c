// The differential test: each malformed or ambiguous request of the corpus, sent as bytes to the
// proxy (in front of a raw upstream that records what reaches it) and to a bare node:http server.
// For each, either the proxy refuses it with its own problem+json and nothing reaches the
// upstream, or the upstream receives exactly one request whose framing is unambiguous; and the
// proxy refuses at least everything Node refuses.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startProxy, type RunningProxy } from '../../src/proxy/start';
import { startRecordingUpstream, type RecordingUpstream } from '../support/recording-upstream';
import { parseRaw, sendRaw } from '../support/raw';
import { SPEC_PATH } from '../support/spec-copies';
import { countStrictly } from '../support/strict-request';
import { CORPUS } from './smuggling-corpus';

jest.setTimeout(60_000);

/** How long a reply may take: a request Node's parser still waits on gets no answer in it. */
const WAIT_MS = 1000;

let upstream: RecordingUpstream;
let proxy: RunningProxy;
let bare: Server;
let bareUrl: string;
beforeAll(async () => {
  upstream = await startRecordingUpstream();
  proxy = await startProxy({ upstream: upstream.url, spec: SPEC_PATH, port: 0 });
  bare = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
  await new Promise<void>((resolve) => bare.close(() => resolve()) && bare.closeAllConnections());
});

/** One whole answer has come (its body as long as its Content-Length says). */
function answered(text: string): boolean {
  const end = text.indexOf('\r\n\r\n');
  const length = /\r\ncontent-length: *(\d+)/i.exec(text.slice(0, end))?.[1];
  return end > 0 && length !== undefined && Buffer.byteLength(text.slice(end + 4)) >= Number(length);
}

const statusOf = (text: string) => Number(/^HTTP\/1\.1 (\d{3}) /.exec(text)?.[1] ?? 0);
const refusal = (status: number) => status === 400 || status === 431;
const outcomes = { refusedByNode: 0, refusedByProxy: 0, passedOn: 0 };

it('holds at least 50 shapes', () => {
  expect(CORPUS.length).toBeGreaterThanOrEqual(50);
  expect(new Set(CORPUS.map((shape) => shape.name)).size).toBe(CORPUS.length);
});

it.each(CORPUS.map((shape) => [shape.name, shape] as const))('%s', async (_name, shape) => {
  const bytes = Buffer.from(shape.bytes, 'latin1');
  const node = statusOf((await sendRaw(bareUrl, [bytes], WAIT_MS, answered)).text);
  upstream.clear();
  const reply = await sendRaw(proxy.url, [bytes], WAIT_MS, answered);
  // Whatever the proxy sent on has reached the upstream by the time its answer came, or the proxy closed.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const status = statusOf(reply.text);
  const reached = upstream.received().map((received) => countStrictly(received));
  if (refusal(node)) outcomes.refusedByNode++;

  if (refusal(status)) {
    outcomes.refusedByProxy++;
    expect(parseRaw(reply.text)).toMatchObject({ status, contentType: 'application/problem+json', body: { status } });
    expect(upstream.received()).toEqual([]);
    return;
  }
  // Passed on: neither refused by Node nor a shape that must be refused.
  expect({ nodeRefused: refusal(node), mustRefuse: shape.refuse === true }).toEqual({
    nodeRefused: false,
    mustRefuse: false,
  });
  if (status === 0) {
    // Still waited on, as by Node: nothing whole has gone upstream.
    expect(node).toBe(0);
    expect(reached.reduce((sum, read) => sum + read.complete, 0)).toBe(0);
    return;
  }
  outcomes.passedOn++;
  expect(reached).toEqual([{ complete: 1, rest: undefined }]);
  expect(reply.text).toMatch(/\r\n\r\nok$/);
});

it('met both branches: requests refused, and requests passed on as one', () => {
  expect(outcomes.refusedByProxy).toBeGreaterThanOrEqual(40);
  expect(outcomes.refusedByNode).toBeLessThanOrEqual(outcomes.refusedByProxy);
  expect(outcomes.passedOn).toBeGreaterThanOrEqual(5);
});
