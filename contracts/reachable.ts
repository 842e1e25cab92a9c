import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** Why the target cannot be reached, or undefined when it answers anything at all. */
export function reachable(baseUrl: string, timeoutMs: number): Promise<string | undefined> {
  const send = baseUrl.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const probe = send(baseUrl, { method: 'GET', agent: false, timeout: timeoutMs }, (response) => {
      response.resume();
      resolve(undefined);
    });
    probe.on('timeout', () =>
      probe.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })),
    );
    probe.on('error', (error: NodeJS.ErrnoException) =>
      resolve(error.code === 'ECONNREFUSED' ? 'connection refused' : error.message),
    );
    probe.end();
  });
}
