// The floor for the proxy on its own transport: a bare node:http forwarder (node:http's server,
// node:http's client on a keep-alive Agent, no checks, no copies kept) in front of the same
// upstream. What it costs is what any proxy on this transport pays before doing anything.
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

const upstream = new URL(process.argv[3] ?? 'http://127.0.0.1:80');
const agent = new Agent({ keepAlive: true });
const server = createServer((req, res) => {
  const outgoing = request(
    { agent, host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
    (incoming) => {
      res.writeHead(incoming.statusCode ?? 502, incoming.headers);
      incoming.pipe(res);
    },
  );
  outgoing.on('error', () => res.writeHead(502).end());
  req.pipe(outgoing);
});
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () =>
  process.stdout.write(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}\n`),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
