// The exported types follow the spec: what the spec accepts type-checks, what it rejects does not.
// `npm test` runs tsc over this file, so a @ts-expect-error that stops failing breaks the build.
import type { CreateWebhookRequest, EventName, Problem, Webhook } from '../src/index';

const request: CreateWebhookRequest = { url: 'https://hooks.example.com/kaiten', eventNames: ['CUSTOMER_CREATION'] };
// @ts-expect-error an event outside the catalogue
const unknownEvent: EventName = 'CUSTOMER_ARCHIVED';
// @ts-expect-error url is required
const missingUrl: CreateWebhookRequest = { eventNames: ['CUSTOMER_CREATION'] };
const webhook: Webhook = {
  id: 'wh_1',
  ...request,
  createdAt: '2026-03-14T09:26:53Z',
  updatedAt: '2026-03-14T09:26:53Z',
};
// @ts-expect-error status is required
const noStatus: Problem = { title: 'Forbidden', detail: 'missing scope: write:webhooks' };
const problem: Problem = {
  title: 'Unprocessable Entity',
  status: 422,
  detail: 'validation failed',
  errors: [{ location: 'body.url', message: 'm', value: 42 }],
};

it('the typed values are the plain JSON the API exchanges', () => {
  expect(JSON.parse(JSON.stringify({ request, webhook, problem, unknownEvent, missingUrl, noStatus }))).toMatchObject({
    webhook: { url: request.url, eventNames: ['CUSTOMER_CREATION'] },
    problem: { status: 422 },
  });
});
