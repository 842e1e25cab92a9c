// The spec reloads when its file changes; a broken edit keeps the last good spec and says why.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMock, type RunningMock } from '../../src/mock/start';
import { send } from '../support/http';
import { SPEC_PATH } from '../support/spec-copies';

const original = readFileSync(SPEC_PATH, 'utf8');
const NEW_EVENT = { url: 'https://a.example.com', eventNames: ['CUSTOMER_ARCHIVED'] };

async function eventually(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 100) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting: ${what}`);
}

let mock: RunningMock;
const lines: string[] = [];
const specFile = join(mkdtempSync(join(tmpdir(), 'kaiten-reload-')), 'openapi.yaml');

beforeAll(async () => {
  writeFileSync(specFile, original);
  mock = await startMock({ spec: specFile, port: 0, logLevel: 'info', log: (line) => lines.push(line) });
});
afterAll(() => mock.close());

it('serves an edit of the spec without a restart, and keeps the last good one after a broken edit', async () => {
  expect((await send(mock.url, { body: NEW_EVENT })).status).toBe(422);

  writeFileSync(
    specFile,
    original.replace(
      '        - FEATURE_FLAG_DELETION\n',
      '        - FEATURE_FLAG_DELETION\n        - CUSTOMER_ARCHIVED\n',
    ),
  );
  await eventually(
    async () => (await send(mock.url, { body: NEW_EVENT })).status === 201,
    'the new event to be accepted',
  );
  expect(lines).toContain(`spec reloaded: ${specFile}`);

  writeFileSync(specFile, `${original}\n  broken: [unclosed\n`);
  await eventually(
    () =>
      lines.some((line) => line.startsWith('spec not reloaded, still serving the last good one: cannot use the spec')),
    'the broken edit to be reported',
  );
  expect((await send(mock.url, { body: NEW_EVENT })).status).toBe(201);
});
