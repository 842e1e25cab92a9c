// The ceiling for any proxy on this machine: each client connection piped to its own upstream
// connection, bytes copied both ways, nothing parsed, rewritten or checked. No proxy that reads
// HTTP can be faster; what it reaches of talking to the upstream directly bounds every proxy here.
import { connect, createServer, type AddressInfo } from 'node:net';

const upstream = new URL(process.argv[3] ?? 'http://127.0.0.1:80');
const server = createServer((client) => {
  const link = connect(Number(upstream.port), upstream.hostname);
  client.setNoDelay(true);
  link.setNoDelay(true);
  client.pipe(link).pipe(client);
  client.on('error', () => link.destroy());
  link.on('error', () => client.destroy());
});
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => process.stdout.write(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
