// The mock answers a request that fails several stages with the first failing stage, in the
// operation's order of checks: the spec's x-check-order, else 401, 403, 400, 422.
import { startMock, type RunningMock } from '../../src/mock/start';
import { send } from '../support/http';
import { at, copySpec, writeSpecs } from '../support/spec-copies';

let stated: RunningMock;
let unstated: RunningMock;

beforeAll(async () => {
  const reversed = await copySpec();
  at(reversed, 'paths', '/webhooks', 'post')['x-check-order'] = [422, 400, 403, 401];
  const plain = await copySpec();
  delete at(plain, 'paths', '/webhooks', 'post')['x-check-order'];
  const specs = writeSpecs({ reversed, plain });
  const options = { port: 0, watch: false, logLevel: 'silent' as const, tokens: ['good'], forbiddenTokens: ['ro'] };
  stated = await startMock({ ...options, spec: specs.reversed! });
  unstated = await startMock({ ...options, spec: specs.plain! });
});

afterAll(async () => {
  await stated.close();
  await unstated.close();
});

const statusOf = async (base: string, headers: Record<string, string>, body: string) =>
  (await send(base, { headers: { 'content-type': 'application/json', ...headers }, body })).status;

it.each([
  ['no credentials, invalid body', {}, '{"url":"http://x"}', 401, 422],
  ['no credentials, malformed JSON', {}, '{"url":', 401, 400],
  ['a token without the scope, invalid body', { authorization: 'Bearer ro' }, '{}', 403, 422],
  ['a token without the scope, malformed JSON', { authorization: 'Bearer ro' }, '{', 403, 400],
])(
  '%s: the first failing stage answers, by default and by a stated order',
  async (_what, headers, body, byDefault, reversed) => {
    expect(await statusOf(unstated.url, headers, body)).toBe(byDefault);
    expect(await statusOf(stated.url, headers, body)).toBe(reversed);
  },
);
