// One request through the proxy. Node's own HTTP code reads and frames both sides: its server
// (llhttp, strict) the client's request, its client the upstream's answer. The proxy only sets
// Host, the base path and the end-to-end headers, streams both bodies with back-pressure, and
// keeps bounded copies for the checks, which judge after the answer has gone.
import type { ClientRequest, IncomingMessage, ServerResponse } from 'node:http';
import { keeper, kindOf, originForm, upstreamTarget, type Upstream } from './forward';
import { type Forwarded } from '../traffic/forwarded';
import { endToEnd, framingOf, headerRecord } from './headers';
import type { Link } from './link';
import { answerFault, answerLocally, problemAnswer, type LocalAnswer } from './local-answer';

export interface ProxyHooks {
  upstream: Upstream;
  link: Link;
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

/** Passes one request on and its answer back; returns what stops it (the server gave up on the connection). */
export function passOn(req: IncomingMessage, res: ServerResponse, hooks: ProxyHooks): () => void {
  const method = req.method ?? 'GET';
  const target = originForm(req.url ?? '/');
  const local = hooks.answerHere(method, target);
  if (local !== undefined) {
    req.resume();
    answerLocally(res, local);
    return () => undefined;
  }
  const { upstream } = hooks;
  const path = upstreamTarget(upstream.url, target);
  // As it goes upstream (Host apart): the end-to-end headers, then the framing.
  const sentRaw = [...endToEnd(req.rawHeaders, 'host', 'content-length'), ...framingOf(req)];
  const sent = keeper();
  const received = keeper();
  const replaceIf = hooks.replaceIf(method, target);
  const started = performance.now();
  const sentAt = Date.now();
  let answer: { status: number; raw: string[]; replaced: boolean; whole: boolean } | undefined;
  let failure: Forwarded['failure'];
  let over = false;
  let outgoing: ClientRequest | undefined;
  /** The server refused the connection (a malformed request behind this one): nothing more is written. */
  let dropped = false;
  res.sendDate = false; // the upstream's Date passes as it came

  const forwarded = (): Forwarded => {
    const record: Forwarded = {
      method,
      url: `${upstream.url.origin}${path}`,
      headers: headerRecord(sentRaw),
      body: sent.kept(),
      sentAt,
      ms: performance.now() - started,
    };
    if (failure !== undefined) record.failure = failure;
    else if (answer !== undefined)
      record.answer = { status: answer.status, headers: headerRecord(answer.raw), body: received.kept() };
    if (answer?.replaced === true) record.replaced = true;
    return record;
  };
  const finish = (clientGone: boolean) => {
    if (over) return;
    over = true;
    try {
      hooks.done(clientGone ? { ...forwarded(), clientGone: true } : forwarded(), target);
    } catch (error) {
      hooks.fault(error);
    }
  };
  const guarded = (work: () => void) => {
    try {
      work();
    } catch (error) {
      hooks.fault(error);
      outgoing?.destroy();
      answerFault(res);
    }
  };

  /** No answer came (502, 504 for a timeout), or it broke off midway: the client must see it broken too. */
  const fail = (kind: NonNullable<Forwarded['failure']>['kind'], message: string) => {
    if (failure !== undefined || over || dropped || answer?.whole === true) return;
    failure = { kind, message };
    outgoing?.destroy();
    if (res.headersSent) return void res.destroy();
    answerLocally(
      res,
      problemAnswer(kind === 'timeout' ? 504 : 502, `the upstream ${upstream.url.origin} gave no answer: ${message}`),
    );
  };

  const sendOn = () => {
    const link = hooks.link.send(method, path, [...sentRaw, 'Host', upstream.url.host]);
    outgoing = link;
    // Its own, each time: a reused connection would keep the shorter idle timeout it had while free.
    link.setTimeout(upstream.timeoutMs, () =>
      fail('timeout', `no answer from the upstream within ${upstream.timeoutMs} ms`),
    );
    link.on('error', (error: NodeJS.ErrnoException) => fail(kindOf(error), error.message));
    // An HTTP/1.0 client knows no interim answers; the others are passed on where Node can write them.
    link.on('information', ({ statusCode }) => {
      if (statusCode === 100 && req.httpVersion === '1.1') res.writeContinue();
    });
    link.on('response', (incoming: IncomingMessage) =>
      guarded(() => {
        const status = incoming.statusCode ?? 0;
        const current = { status, raw: incoming.rawHeaders, replaced: replaceIf?.(status) === true, whole: false };
        answer = current;
        incoming.on('data', received.add);
        incoming.on('error', () => fail('reset', 'the answer broke off before its end'));
        incoming.on('close', () =>
          incoming.complete ? undefined : fail('reset', 'the answer broke off before its end'),
        );
        incoming.on('end', () => {
          current.whole = true;
          if (current.replaced) guarded(() => answerLocally(res, hooks.replacement(forwarded(), target)));
        });
        if (current.replaced) return void incoming.resume();
        res.writeHead(status, incoming.statusMessage, endToEnd(incoming.rawHeaders));
        incoming.pipe(res);
      }),
    );
    req.on('data', sent.add);
    req.pipe(link);
  };
  // Sent on once the parser is through the bytes this request came in (not before: ticks run
  // between its callbacks): a malformed request behind it in the same bytes stops it first.
  setImmediate(() => (dropped || over ? undefined : guarded(sendOn)));
  res.on('close', () => {
    if (answer?.whole !== true) outgoing?.destroy();
    finish(!res.writableFinished && failure === undefined);
  });
  return () => {
    dropped = true;
    outgoing?.destroy();
  };
}
