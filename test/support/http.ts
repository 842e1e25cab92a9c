import { request as httpRequest } from 'node:http';

/** What came back, with the body parsed when it is JSON. */
export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  body: unknown;
  ms: number;
}

export interface Call {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  /** A string or Buffer is sent as is; anything else as JSON. */
  body?: unknown;
}

export const TOKEN = 'test-token';
export const AUTH = { authorization: `Bearer ${TOKEN}` };
export const JSON_HEADERS = { 'content-type': 'application/json', ...AUTH };
export const VALID_BODY = { url: 'https://hooks.example.com/kaiten', eventNames: ['CUSTOMER_CREATION'] };

/** One HTTP request with node:http (exact bytes and headers, unlike fetch), bounded by a timeout. */
export function send(baseUrl: string, call: Call = {}, timeoutMs = 5000): Promise<Reply> {
  const started = performance.now();
  const payload =
    call.body === undefined
      ? undefined
      : typeof call.body === 'string' || Buffer.isBuffer(call.body)
        ? call.body
        : JSON.stringify(call.body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${baseUrl}${call.path ?? '/webhooks'}`,
      { method: call.method ?? 'POST', headers: call.headers ?? JSON_HEADERS, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = undefined;
          try {
            body = text === '' ? undefined : JSON.parse(text);
          } catch {
            body = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body, ms: performance.now() - started });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** A `send` bound to one base URL. */
export const clientFor =
  (baseUrl: string) =>
  (call: Call = {}) =>
    send(baseUrl, call);
