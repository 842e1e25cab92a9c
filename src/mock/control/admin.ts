import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { exampleKeysOf, responsesOf } from '../../spec/documented';
import { describeOperation, type Operation } from '../../spec/operations';
import { renderProblem, type MockResponse, type ErrorAnswer } from '../../engine/problem';
import { firstQueryValue, type MockRequest } from '../../engine/request';
import { readVersion } from '../../platform/version';
import { parseStagedAnswer, type StagedAnswer } from '../../engine/control/answers';
import { toHar } from '../../engine/control/har';
import { checkStaged } from '../../engine/control/stage';
import type { JournalFilter } from '../../engine/control/journal';
import type { Control } from '../../engine/control/state';

const PAGE_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};
// The control page: static files shipped beside this module (copied into dist/ by the build).
const PAGE_FOLDER = join(__dirname, 'page');

/** One file of the control page, as it is (a Buffer body is written raw). */
function pageFile(name: string): MockResponse {
  return {
    status: 200,
    headers: { 'content-type': PAGE_TYPES[extname(name)]!, 'cache-control': 'no-cache' },
    body: readFileSync(join(PAGE_FOLDER, name)),
  };
}

/** The reserved prefix of the control surface; a spec may not use it. */
export const ADMIN_PREFIX = '/__mock';

/** Who may use the control surface: loopback clients, or (listening beyond loopback) holders of the admin token; or nobody. */
export type AdminAccess = { kind: 'loopback' } | { kind: 'token'; token: string } | { kind: 'off'; why: string };

const json = (status: number, body: unknown): MockResponse => ({
  status,
  headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  body,
});
const problem = (status: number, detail: string, headers?: Record<string, string>): MockResponse =>
  renderProblem({ status, detail, ...(headers === undefined ? {} : { headers }) } satisfies ErrorAnswer);

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** Why this client may not use the control surface, as the answer to give it; undefined when it may. */
export function refusal(
  access: AdminAccess,
  request: MockRequest,
  remote: string | undefined,
): MockResponse | undefined {
  if (access.kind === 'off') return problem(404, `the control surface is off: ${access.why}`);
  if (access.kind === 'loopback')
    return LOOPBACK.test(remote ?? '') ? undefined : problem(403, 'the control surface answers loopback clients only');
  return request.headers.authorization === `Bearer ${access.token}`
    ? undefined
    : problem(401, 'the control surface needs Authorization: Bearer <the --admin-token>', {
        'www-authenticate': 'Bearer realm="kaiten-webhooks mock control"',
      });
}

function stage(request: MockRequest, control: Control, operations: Operation[]): MockResponse {
  // JSON only: a form or text/plain post from another site's page could not stage answers (it cannot send this type without CORS).
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? ''))
    return problem(415, 'send the answers as Content-Type: application/json');
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(request.body)) as unknown;
  } catch (error) {
    return problem(400, `the body is not JSON: ${(error as Error).message}`);
  }
  const answers = Array.isArray(value) ? value : [value];
  if (answers.length === 0 || answers.length > 100) return problem(422, 'send one answer, or a list of 1 to 100');
  const parsed = answers.map(parseStagedAnswer);
  const wrong = parsed.flatMap((result, i) =>
    Array.isArray(result) ? result.map((why) => `answer ${i + 1}: ${why}`) : [],
  );
  if (wrong.length > 0) return problem(422, wrong.join('; '));
  const unknown = (parsed as StagedAnswer[])
    .map((answer, i) => [i, checkStaged(answer, operations)] as const)
    .filter(([, why]) => why !== undefined);
  if (unknown.length > 0) return problem(404, unknown.map(([i, why]) => `answer ${i + 1}: ${why!}`).join('; '));
  return json(201, { answers: (parsed as StagedAnswer[]).map((answer) => control.answers.add(answer)) });
}

function filterOf(request: MockRequest): JournalFilter | string {
  const filter: JournalFilter = {};
  const operation = firstQueryValue(request, 'operation');
  if (operation !== undefined) filter.operation = operation;
  for (const name of ['status', 'limit', 'since'] as const) {
    const raw = firstQueryValue(request, name);
    if (raw === undefined) continue;
    if (!/^\d{1,9}$/.test(raw)) return `${name} must be a whole number, not "${raw}"`;
    filter[name] = Number(raw);
  }
  return filter;
}

/** What the control page offers per operation: each documented status with its named examples. */
function describeOperations(operations: Operation[]) {
  return operations.map((operation) => ({
    operation: operation.id,
    name: describeOperation(operation),
    responses: responsesOf(operation).map((response) => ({ code: response.code, examples: exampleKeysOf(response) })),
  }));
}

const ROUTES: Record<
  string,
  Record<string, (request: MockRequest, control: Control, operations: Operation[]) => MockResponse>
> = {
  '': { GET: () => pageFile('index.html') },
  '/page.js': { GET: () => pageFile('page.js') },
  '/page.css': { GET: () => pageFile('page.css') },
  '/operations': { GET: (_request, _control, operations) => json(200, { operations: describeOperations(operations) }) },
  '/answers': {
    GET: (_request, control) => json(200, { answers: control.answers.list() }),
    POST: stage,
    DELETE: (_request, control) => (control.answers.clear(), { status: 204, headers: {} }),
  },
  // The journal as HAR 1.2, under the origin the client reached the mock at.
  '/requests.har': {
    GET: (request, control) => {
      const filter = filterOf(request);
      return typeof filter === 'string'
        ? problem(400, filter)
        : json(
            200,
            toHar(control.journal.list(filter), `http://${request.headers.host ?? 'localhost'}`, readVersion()),
          );
    },
  },
  '/requests': {
    GET: (request, control) => {
      const filter = filterOf(request);
      return typeof filter === 'string'
        ? problem(400, filter)
        : json(200, { requests: control.journal.list(filter), size: control.journal.size });
    },
    DELETE: (_request, control) => (control.journal.clear(), { status: 204, headers: {} }),
  },
};

/** The control surface under /__mock (its client already admitted, see `refusal`): the page, staged answers and the request journal; every error as problem+json. */
export function handleAdmin(request: MockRequest, control: Control, operations: Operation[]): MockResponse {
  const route = ROUTES[request.path.slice(ADMIN_PREFIX.length).replace(/\/$/, '')];
  if (route === undefined)
    return problem(
      404,
      `no control route ${request.path}; there are ${Object.keys(ROUTES)
        .map((path) => ADMIN_PREFIX + path)
        .join(', ')}`,
    );
  const handler = route[request.method];
  if (handler === undefined)
    return problem(405, `${request.method} is not allowed on ${request.path}`, {
      allow: Object.keys(route).join(', '),
    });
  return handler(request, control, operations);
}
