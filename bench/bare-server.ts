// The bare node:http servers the bench measures against. `echo` (the floor for the mock): reads
// the body, parses it and echoes it as JSON. `conformant` (the proxy's upstream): answers a create
// as the contract says (the body's fields, a fresh id, one timestamp), so a proxy's checks pass and
// what is measured is the proxy's own work, not the logging of a broken upstream's failures.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const conformant = process.argv[3] === 'conformant';

function answer(sent: unknown): unknown {
  if (!conformant) return sent;
  const now = new Date().toISOString();
  return { id: randomUUID(), ...(sent as object), createdAt: now, updatedAt: now };
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      body = null;
    }
    const text = JSON.stringify(answer(body));
    res.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
  });
});
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () =>
  process.stdout.write(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}\n`),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
