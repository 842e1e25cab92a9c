import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A server that answers 200 `{"ok":true}` to every request, for one describe block: the
 * all-wrong target, whose answers give most checks nothing to judge. Returns its base URL.
 */
export function useOkServer(): () => string {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  return () => url;
}
