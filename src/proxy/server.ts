// The proxy's HTTP server: node:http's, so Node's own parser reads every request. What it cannot
// read gets the mock's problem+json refusal; what it reads is passed on, one exchange each.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { answerClientError, missingHost } from '../engine/client-error';
import { passOn, type ProxyHooks } from './pass-on';
import { answerFault, answerLocally, problemAnswer } from './local-answer';

export function createProxyServer(hooks: ProxyHooks): Server {
  // What to stop on each client connection when the server refuses it (a malformed request behind one in flight).
  const inFlight = new WeakMap<Socket, Set<() => void>>();
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const hostless = missingHost(req);
    if (hostless !== undefined) {
      res.setHeader('connection', 'close');
      return answerLocally(res, problemAnswer(hostless.status, hostless.detail));
    }
    const stops = inFlight.get(req.socket) ?? new Set();
    inFlight.set(req.socket, stops);
    try {
      const stop = passOn(req, res, hooks);
      stops.add(stop);
      res.once('close', () => stops.delete(stop));
    } catch (error) {
      hooks.fault(error);
      answerFault(res);
    }
  };
  // Node's own parser in its default strict mode reads every request; `insecureHTTPParser` is never set.
  const server = createServer({ requireHostHeader: false }, handle);
  // The upstream says whether it will take the body: its 100 Continue is passed on, not Node's own.
  server.on('checkContinue', handle);
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    for (const stop of inFlight.get(socket) ?? []) stop();
    answerClientError(error, socket);
  });
  return server;
}
