// One client connection through the proxy. Bytes are relayed between the client's socket and an
// upstream socket as they come; the proxy reads only heads (to rewrite Host, the base path and
// hop-by-hop headers) and where bodies end, and keeps bounded copies for the checks, which judge
// after the answer has gone. Node's HTTP server and client objects are not on this path: they
// cost the proxy more than half of its throughput (README, "Speed").
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { renderProblem } from '../problem';
import { keeper, kindOf, originForm, upstreamTarget, type Forwarded, type Upstream } from './forward';
import { bodyReader, type BodyReader } from './http1/body';
import { readRequestHead, readResponseHead, type Head, type HeadError } from './http1/head';
import { endToEnd, headerRecord, headText } from './http1/headers';
import { openLink } from './link';
import { outboxOf, type Outbox } from './outbox';

/** An answer the proxy gives itself. */
export interface LocalAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface RelayHooks {
  upstream: Upstream;
  /** The proxy's own answer to this request (its live report), or undefined to forward it. */
  answerHere(method: string, target: string): LocalAnswer | undefined;
  /** Which upstream statuses to keep from the client for this request (answered by `replacement`). */
  replaceIf(method: string, target: string): ((status: number) => boolean) | undefined;
  replacement(forwarded: Forwarded, target: string): LocalAnswer;
  /** One exchange is over (answered, failed, or left by the client). */
  done(forwarded: Forwarded, target: string): void;
  /** A fault of the proxy's own, for its log. */
  fault(error: unknown): void;
}

/** An idle client or one that sends a head this slowly is let go (Node's headersTimeout). */
const CLIENT_IDLE_MS = 60_000;
/** Bytes of pipelined requests held while one is in flight before the client is paused. */
const HELD_LIMIT = 64 * 1024;
const EMPTY: Buffer = Buffer.alloc(0);

/** A request on its way: its head, how far its body has come, and its answer's. */
interface InFlight {
  method: string;
  target: string;
  version: string;
  /** The request as it went upstream (end-to-end headers, Host not among them). */
  url: string;
  sentRaw: string[];
  sent: ReturnType<typeof keeper>;
  received: ReturnType<typeof keeper>;
  reader: BodyReader;
  requestDone: boolean;
  /** Answered by the proxy itself: nothing goes upstream, nothing is recorded. */
  here: boolean;
  replaceIf: ((status: number) => boolean) | undefined;
  answer: { head: Head; status: number; reader: BodyReader; replaced: boolean; dechunk: boolean } | undefined;
  answered: boolean;
  failure: Forwarded['failure'];
  started: number;
  sentAt: number;
}

const statusLine = (status: number, reason = STATUS_CODES[status] ?? '') => `HTTP/1.1 ${status} ${reason}`;

export function relayConnection(client: Socket, hooks: RelayHooks): void {
  const { upstream } = hooks;
  client.setNoDelay(true);
  client.setTimeout(CLIENT_IDLE_MS);
  let held: Buffer = EMPTY;
  let current: InFlight | undefined;
  let link: Socket | undefined;
  /** What goes to the link and to the client in this turn. */
  let toLink: Outbox | undefined;
  const toClient = outboxOf(client);
  let linkHeld: Buffer = EMPTY;
  /** The client connection ends after the current answer. */
  let closing = false;
  /** readClient is on the stack: it goes on by itself after an exchange settles. */
  let reading = false;

  const record = (forwarded: Forwarded, target: string) => {
    try {
      hooks.done(forwarded, target);
    } catch (error) {
      hooks.fault(error);
    }
  };

  const writeAnswer = (answer: LocalAnswer) => {
    const pairs = Object.entries(answer.headers).flat();
    toClient.add(headText(statusLine(answer.status), pairs, `Content-Length: ${Buffer.byteLength(answer.body)}`, ...(closing ? ['Connection: close'] : [])));
    toClient.add(Buffer.from(answer.body));
    toClient.flush();
  };
  const problem = (status: number, detail: string): LocalAnswer => {
    const response = renderProblem({ status, detail });
    return { status, headers: response.headers, body: JSON.stringify(response.body) };
  };

  function forwardedOf(exchange: InFlight): Forwarded {
    const record: Forwarded = { method: exchange.method, url: exchange.url, headers: headerRecord(exchange.sentRaw), body: exchange.sent.kept(), sentAt: exchange.sentAt, ms: performance.now() - exchange.started };
    if (exchange.failure !== undefined) record.failure = exchange.failure;
    else if (exchange.answer !== undefined) record.answer = { status: exchange.answer.status, headers: headerRecord(exchange.answer.head.raw), body: exchange.received.kept() };
    if (exchange.answer?.replaced === true) record.replaced = true;
    return record;
  }

  function dropLink(): void {
    const gone = link;
    link = undefined;
    toLink = undefined;
    linkHeld = EMPTY;
    gone?.destroy();
  }

  /** The request and its answer are both through: record, then go on with what the client sent next. */
  function settle(): void {
    const exchange = current;
    if (exchange === undefined || !exchange.requestDone || !exchange.answered) return;
    current = undefined;
    if (!exchange.here) record(forwardedOf(exchange), exchange.target);
    if (closing) {
      toClient.flush();
      return void client.end();
    }
    if (client.isPaused()) client.resume();
    if (!reading) guarded(readClient);
  }

  /** No answer came from the upstream: the client gets 502 (504 for a timeout), problem+json. */
  function failExchange(exchange: InFlight, kind: NonNullable<Forwarded['failure']>['kind'], message: string): void {
    dropLink();
    if (exchange.answered) return;
    if (exchange.answer !== undefined && !exchange.answer.replaced) {
      // The answer broke off midway: the client must see it broken too.
      exchange.failure = { kind, message };
      current = undefined;
      record(forwardedOf(exchange), exchange.target);
      return void client.destroy();
    }
    exchange.failure = { kind, message };
    exchange.answered = true;
    if (!exchange.requestDone) closing = true; // the rest of its body cannot be told from a next request
    writeAnswer(problem(kind === 'timeout' ? 504 : 502, `the upstream ${upstream.url.origin} gave no answer: ${message}`));
    settle();
  }

  function linkUp(): Socket {
    if (link !== undefined && !link.destroyed) return link;
    const socket = openLink(upstream);
    link = socket;
    toLink = outboxOf(socket);
    // Quiet for this long: an answer that is not coming (504), or an idle link to let go.
    socket.setTimeout(upstream.timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      if (socket === link) guarded(() => readUpstream(chunk));
    });
    socket.on('drain', () => client.resume());
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (socket === link && current !== undefined && !current.here) failExchange(current, kindOf(error), error.message);
    });
    socket.on('close', () => {
      if (socket !== link) return;
      const exchange = current;
      if (exchange === undefined || exchange.here || exchange.answered) return void (link = undefined);
      if (exchange.answer !== undefined && exchange.answer.head.framing.kind === 'close') {
        link = undefined;
        exchange.answered = true;
        return finishAnswer(exchange);
      }
      failExchange(exchange, 'reset', 'socket hang up');
    });
    socket.on('timeout', () => {
      if (socket !== link) return;
      if (current === undefined || current.here) return dropLink();
      failExchange(current, 'timeout', `no answer from the upstream within ${upstream.timeoutMs} ms`);
    });
    return socket;
  }

  function begin(head: Head): void {
    const [method, requestTarget, version] = head.start;
    const target = originForm(requestTarget);
    const local = hooks.answerHere(method, target);
    const sentRaw = endToEnd(head.raw, 'host');
    const exchange: InFlight = {
      method, target, version, url: `${upstream.url.origin}${upstreamTarget(upstream.url, target)}`, sentRaw, sent: keeper(), received: keeper(), reader: bodyReader(head.framing),
      requestDone: false, here: local !== undefined, replaceIf: local === undefined ? hooks.replaceIf(method, target) : undefined,
      answer: undefined, answered: false, failure: undefined, started: performance.now(), sentAt: Date.now(),
    };
    current = exchange;
    if (head.closes) closing = true;
    if (local !== undefined) {
      exchange.answered = true;
      return writeAnswer(local);
    }
    linkUp();
    const framing = head.framing.kind === 'chunked' ? ['Transfer-Encoding: chunked'] : [];
    toLink!.add(headText(`${method} ${upstreamTarget(upstream.url, target)} HTTP/1.1`, sentRaw, `Host: ${upstream.url.host}`, ...framing));
  }

  /** Goes through what the client has sent: heads begin exchanges, body bytes go upstream as they are. */
  function readClient(): void {
    reading = true;
    try {
      readHeld();
    } finally {
      reading = false;
      if (toLink?.flush() === false) client.pause();
    }
  }

  function readHeld(): void {
    while (true) {
      if (current === undefined) {
        if (closing) return;
        while (held.length >= 2 && held[0] === 13 && held[1] === 10) held = held.subarray(2); // RFC 9112 2.2: blank lines before a request
        if (held.length === 0) return;
        const head = readRequestHead(held);
        if (head === undefined) return;
        if ('why' in head) return refuse(head);
        held = held.subarray(head.size);
        begin(head);
        continue;
      }
      const exchange = current;
      if (exchange.requestDone) return;
      const read = exchange.reader.read(held, exchange.sent.add);
      if ('error' in read) return refuse({ status: 400, why: read.error });
      const part = held.subarray(0, read.used);
      held = held.subarray(read.used);
      if (part.length > 0 && !exchange.here && exchange.failure === undefined) toLink?.add(part);
      if (!read.done) return;
      exchange.requestDone = true;
      settle();
      if (current === exchange) return;
    }
  }

  /** A request the proxy cannot read: its own problem+json, then the connection ends. */
  function refuse(error: HeadError): void {
    closing = true;
    held = EMPTY;
    if (current !== undefined && (current.answer !== undefined || current.answered)) return void client.destroy();
    if (current !== undefined) dropLink();
    current = undefined;
    writeAnswer(problem(error.status, `malformed or incomplete HTTP request (${error.why})`));
    client.end();
  }

  /** The upstream's answer as it comes: its head rewritten, its body bytes passed on as they are. */
  function readUpstream(chunk: Buffer): void {
    const exchange = current;
    if (exchange === undefined || exchange.here || exchange.answered) return dropLink(); // bytes nobody asked for
    linkHeld = linkHeld.length === 0 ? chunk : Buffer.concat([linkHeld, chunk]);
    try {
      while (exchange.answer === undefined) {
        const head = readResponseHead(linkHeld, exchange.method);
        if (head === undefined) return;
        if ('why' in head) return failExchange(exchange, 'other', `a malformed answer: ${head.why}`);
        linkHeld = linkHeld.subarray(head.size);
        const status = Number(head.start[1]);
        if (status === 101) return failExchange(exchange, 'other', 'the upstream switched protocols, which the proxy does not relay');
        if (status < 200) {
          if (exchange.version === 'HTTP/1.1') toClient.add(headText(statusLine(status, head.start[2]), endToEnd(head.raw)));
          continue;
        }
        answerHead(exchange, head, status);
      }
      const answer = exchange.answer;
      const read = answer.reader.read(linkHeld, (part) => {
        exchange.received.add(part);
        if (answer.dechunk && part.length > 0) toClient.add(part);
      });
      if ('error' in read) return failExchange(exchange, 'other', `a malformed answer body: ${read.error}`);
      if (read.used > 0 && !answer.replaced && !answer.dechunk) toClient.add(linkHeld.subarray(0, read.used));
      linkHeld = linkHeld.subarray(read.used);
      if (!read.done) return;
      if (answer.head.closes || linkHeld.length > 0) dropLink();
      exchange.answered = true;
      finishAnswer(exchange);
    } finally {
      if (!toClient.flush() && link !== undefined) {
        const paused = link.pause();
        client.once('drain', () => paused.resume());
      }
    }
  }

  function answerHead(exchange: InFlight, head: Head, status: number): void {
    const replaced = exchange.replaceIf?.(status) === true;
    const chunked = head.framing.kind === 'chunked';
    // An HTTP/1.0 client cannot read chunks: it gets the content, and the close ends it.
    const dechunk = chunked && exchange.version !== 'HTTP/1.1';
    exchange.answer = { head, status, reader: bodyReader(head.framing), replaced, dechunk };
    if (replaced) return;
    if (head.framing.kind === 'close' || dechunk) closing = true;
    const connection = closing ? ['Connection: close'] : exchange.version === 'HTTP/1.0' ? ['Connection: keep-alive'] : [];
    toClient.add(headText(statusLine(status, head.start[2]), endToEnd(head.raw), ...(chunked && !dechunk ? ['Transfer-Encoding: chunked'] : []), ...connection));
  }

  function finishAnswer(exchange: InFlight): void {
    if (exchange.answer?.replaced === true) writeAnswer(hooks.replacement(forwardedOf(exchange), exchange.target));
    settle();
  }

  /** A fault of the proxy's own: logged; the client gets problem+json if nothing was written yet, else a closed connection. */
  function guarded(work: () => void): void {
    try {
      work();
    } catch (error) {
      hooks.fault(error);
      closing = true;
      if (current !== undefined && current.answer === undefined && !current.answered) {
        dropLink();
        writeAnswer(problem(500, 'the proxy failed unexpectedly; its log says why'));
        client.end();
      } else client.destroy();
    }
  }

  client.on('data', (chunk: Buffer) => {
    held = held.length === 0 ? chunk : Buffer.concat([held, chunk]);
    guarded(readClient);
    if (held.length > HELD_LIMIT && current !== undefined) client.pause();
  });
  // A client that closes its side has left, as Node's HTTP server takes it: an answer in flight is not passed on.
  client.on('end', () => client.destroy());
  client.on('timeout', () => {
    if (current !== undefined && current.requestDone) return;
    if (current === undefined && held.length > 0) return refuse({ status: 400, why: 'the head did not come in time' });
    client.destroy();
  });
  client.on('error', () => client.destroy());
  client.on('close', () => {
    const exchange = current;
    current = undefined;
    dropLink();
    // Not settled: the answer had not gone whole to the client, so nothing is held against the upstream.
    if (exchange !== undefined && !exchange.here) record({ ...forwardedOf(exchange), clientGone: true }, exchange.target);
  });
}
