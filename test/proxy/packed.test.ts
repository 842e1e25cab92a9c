// Answers kept for run-wide checks are packed into strings and unpacked for the report: what comes
// back must be the exchange that went in.
import type { Exchange } from '../../src/checks/exchange';
import { pack, unpack } from '../../src/traffic/packed';
import { loadSpec } from '../../src/spec/load';
import { listOperations } from '../../src/spec/operations';
import { SPEC_PATH } from '../support/spec-copies';

async function exchangeWith(response: Exchange['response']): Promise<Exchange> {
  const [operation] = listOperations((await loadSpec(SPEC_PATH)).document);
  return {
    case: {
      id: 'traffic/7',
      title: 'POST /webhooks #7, as the client sent it',
      operation: operation!,
      expectation: 'invalid',
      credentials: 'valid',
      scheme: { type: 'http', scheme: 'bearer' },
      value: { url: 'http://x', eventNames: [] },
      violations: [{ location: 'body.url', value: 'http://x' }],
    },
    request: {
      method: 'POST',
      url: 'http://upstream.test/webhooks',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
      body: '{"url":"http://x","eventNames":[]}',
    },
    response,
    sentAt: 1_780_000_000_000,
    ms: 3.25,
  };
}

it('unpacks an answer with a JSON body to the exchange that was packed, sharing the operation', async () => {
  const text = JSON.stringify({
    status: 422,
    title: 'Unprocessable Entity',
    errors: [{ location: 'body.url', message: 'must match', value: 'http://x' }],
  });
  const exchange = await exchangeWith({
    status: 422,
    headers: { 'content-type': 'application/problem+json' },
    text,
    json: JSON.parse(text) as unknown,
  });
  const packed = pack(exchange);
  expect(typeof packed.text).toBe('string');
  const back = unpack(packed);
  expect(back).toEqual(exchange);
  expect(back.case.operation).toBe(exchange.case.operation);
});

it('leaves an answer that was not parsed unparsed (a body cut short, or not JSON)', async () => {
  const exchange = await exchangeWith({
    status: 201,
    headers: { 'content-type': 'application/json' },
    text: '{"id":"cut sh',
  });
  const back = unpack(pack(exchange));
  expect(back).toEqual(exchange);
  expect('json' in back.response).toBe(false);
});
