// What a frontend's own test suite does with the package: start the mock, call it, close it.
import { startMock, type CreateWebhookRequest, type Webhook } from '../src/index';

it('startMock on port 0 serves the spec, and close() frees the port', async () => {
  const mock = await startMock({ port: 0, logLevel: 'silent', watch: false });
  expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);
  const request: CreateWebhookRequest = { url: 'https://app.example.com/hooks', eventNames: ['INSTANCE_CREATION'] };
  const response = await fetch(`${mock.url}/webhooks`, {
    method: 'POST',
    headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  const webhook = (await response.json()) as Webhook;
  expect(response.status).toBe(201);
  expect(webhook).toMatchObject(request);
  await mock.close();
  await expect(fetch(`${mock.url}/webhooks`, { method: 'POST' })).rejects.toThrow();
});
