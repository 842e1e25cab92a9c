// The proxy's upstream: a bare node:http server that answers a create as the contract says (the
// body's fields, a fresh id, one timestamp), so the proxy's checks pass and what is measured is
// the proxy's own work, not the logging of a broken upstream's failures.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    let sent: object;
    try {
      sent = JSON.parse(Buffer.concat(chunks).toString('utf8')) as object;
    } catch {
      res.writeHead(400, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ status: 400, title: 'Bad Request', detail: 'the body is not JSON' }));
      return;
    }
    const now = new Date().toISOString();
    const text = JSON.stringify({ id: randomUUID(), ...sent, createdAt: now, updatedAt: now });
    res.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
  });
});
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => process.stdout.write(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
