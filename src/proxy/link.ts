// A connection to the upstream: TCP, or TLS checked against the system's authorities and any
// extra one given (a private CA). Certificate checks are never turned off.
import { connect as tcp, isIP, type Socket } from 'node:net';
import { connect as tls, rootCertificates } from 'node:tls';
import type { Upstream } from './forward';

/** Where to connect for an upstream URL: its host (an IPv6 one without brackets) and port. */
export function endpointOf(url: URL): { host: string; port: number } {
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)) };
}

export function openLink(upstream: Upstream): Socket {
  const { url } = upstream;
  const { host, port } = endpointOf(url);
  const socket =
    url.protocol === 'https:'
      ? tls({ host, port, ALPNProtocols: ['http/1.1'], ...(isIP(host) === 0 ? { servername: host } : {}), ...(upstream.ca === undefined ? {} : { ca: [...rootCertificates, upstream.ca] }) })
      : tcp({ host, port });
  // Heads and bodies go as soon as they are written: Nagle's wait would add 40 ms to small answers.
  socket.setNoDelay(true);
  return socket;
}
