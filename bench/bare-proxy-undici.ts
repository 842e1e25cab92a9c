// The other transport the proxy could use upstream: node:http's server in front, undici's Pool
// behind (its stream API, the one that writes into the answer without a body object between),
// no checks, no copies kept. Beside bare-proxy.ts, it says what undici would change.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';

const upstream = new URL(process.argv[3] ?? 'http://127.0.0.1:80');
const pool = new Pool(upstream.origin);
// undici refuses to be given the headers that only concern one connection.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'expect']);
const server = createServer((req, res) => {
  const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
  pool.stream(
    { method: req.method as 'POST', path: req.url ?? '/', headers, body: req },
    ({ statusCode, headers: answer }) => {
      res.writeHead(statusCode, Object.fromEntries(Object.entries(answer).filter(([name]) => !HOP_BY_HOP.has(name))));
      return res;
    },
    (error) => {
      if (error !== null && !res.headersSent) res.writeHead(502).end();
    },
  );
});
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () =>
  process.stdout.write(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}\n`),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
