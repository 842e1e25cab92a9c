// One autocannon load against `POST /webhooks` of a running server.
import autocannon from 'autocannon';

export const CONNECTIONS = 50;
export const VALID = JSON.stringify({
  url: 'https://hooks.example.com/kaiten',
  eventNames: ['CUSTOMER_CREATION', 'RELEASE_CREATION'],
});
export const INVALID = JSON.stringify({ url: 'http://hooks.example.com/kaiten', eventNames: [] });

export interface Load {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Requests answered. */
  total: number;
}

/** A load and the CPU time the server spent on it. */
export type Measured = Load & { cpuUsPerRequest: number };

/** Loads for a number of seconds, or until an amount of requests has been answered. */
export function load(url: string, body: string, limit: { seconds: number } | { amount: number }): Promise<Load> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${url}/webhooks`,
        method: 'POST',
        connections: CONNECTIONS,
        ...('seconds' in limit ? { duration: limit.seconds } : { amount: limit.amount }),
        headers: { authorization: 'Bearer bench-token', 'content-type': 'application/json' },
        body,
      },
      (error, result) => {
        if (error !== null && error !== undefined)
          return reject(error instanceof Error ? error : new Error(String(error)));
        resolve({
          requestsPerSecond: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
          total: result.requests.total,
        });
      },
    );
  });
}
