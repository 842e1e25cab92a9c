// The way to the upstream: Node's own HTTP client on a keep-alive Agent (decisions/proxy-transport.md),
// over TCP, or TLS checked against the system's authorities and any extra one given (a private CA).
// Certificate checks are never turned off.
import { Agent, request as overTcp, type ClientRequest } from 'node:http';
import { Agent as TlsAgent, request as overTls } from 'node:https';
import { rootCertificates } from 'node:tls';
import type { Upstream } from './forward';

/** Where to connect for an upstream URL: its host (an IPv6 one without brackets) and port. */
export function endpointOf(url: URL): { host: string; port: number } {
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
  };
}

export interface Link {
  /** Sends one request upstream: method, origin-form path and raw header pairs, as given. */
  send(method: string, path: string, headers: string[]): ClientRequest;
  /** Lets the kept connections go. */
  close(): void;
}

export function linkTo(upstream: Upstream): Link {
  const { url } = upstream;
  const endpoint = endpointOf(url);
  const tls = url.protocol === 'https:';
  // Connections are kept and reused across clients: a new one per exchange would cost a handshake
  // each. With a timeout, the Agent lets an idle one go a second before the upstream's announced
  // `Keep-Alive: timeout=N`, not as the upstream closes it under a request (a false 502). Its
  // sockets go without Nagle's wait (Node's default), which would add 40 ms to small answers.
  const kept = { keepAlive: true, timeout: upstream.timeoutMs };
  const agent = tls
    ? new TlsAgent({ ...kept, ...(upstream.ca === undefined ? {} : { ca: [...rootCertificates, upstream.ca] }) })
    : new Agent(kept);
  const request = tls ? overTls : overTcp;
  return {
    send: (method, path, headers) => request({ agent, ...endpoint, method, path, headers }),
    close: () => agent.destroy(),
  };
}
