// A raw TCP upstream that keeps every byte it receives, connection by connection, and answers
// each request its strict reader finds whole with `200 ok`: what a proxy really sent, unparsed by
// Node, for the differential test.
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { readStrictly } from './strict-request';

export interface RecordingUpstream {
  url: string;
  /** The bytes each connection has received since the last `clear`. */
  received(): Buffer[];
  clear(): void;
  close(): Promise<void>;
}

const ANSWER = 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok';

export async function startRecordingUpstream(): Promise<RecordingUpstream> {
  /** Each connection's bytes, and how many of them came before the last `clear`. */
  const connections: { bytes: Buffer; cleared: number }[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    const connection = { bytes: Buffer.alloc(0), cleared: 0 };
    connections.push(connection);
    sockets.add(socket);
    let answered = 0;
    socket.on('data', (chunk: Buffer) => {
      connection.bytes = Buffer.concat([connection.bytes, chunk]);
      for (
        let read = readStrictly(connection.bytes.subarray(answered));
        read.kind === 'complete';
        read = readStrictly(connection.bytes.subarray(answered))
      ) {
        answered += read.size;
        socket.write(ANSWER);
      }
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received: () =>
      connections
        .map((connection) => connection.bytes.subarray(connection.cleared))
        .filter((bytes) => bytes.length > 0),
    clear: () => connections.forEach((connection) => (connection.cleared = connection.bytes.length)),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
