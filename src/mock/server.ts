import { answerClientError, missingHost } from '../engine/client-error';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Operation } from '../spec/operations';
import { renderProblem, type MockResponse, type ErrorAnswer } from '../engine/problem';
import { corsHeaders, isPreflight, preflightHeaders } from '../engine/cors';
import type { Logger } from '../engine/log';
import { ADMIN_PREFIX, handleAdmin, refusal, type AdminAccess } from './control/admin';
import { shownHeaders, shownRequestBody, type Journal, type SentAnswer } from '../engine/control/journal';
import { breakConnection } from './break-connection';
import type { Control } from '../engine/control/state';
import { edgeAnswer, recordHandled, type Handled, type Pipeline } from '../engine/pipeline';
import { readBody } from './read-body';
import type { MockRequest } from '../engine/request';
import { parseRequestTarget } from '../engine/request-target';

/** The edge's own limits and behaviour, around whatever pipeline is current. */
export interface EdgeSettings {
  bodyLimit: number;
  /** Milliseconds allowed for the headers, and again for the body, to arrive. */
  receiveTimeout: number;
  /** Milliseconds added before every answer. */
  delay: number;
  logger: Logger;
  /** Staged answers and the journal; absent (with --workers) when there is no one state to hold them. */
  control?: Control;
  admin: AdminAccess;
  /** The operations of the spec being served, to check staged answers against. */
  operations: () => Operation[];
  /** Longest a `stall` fault holds a connection, in milliseconds. */
  stallLimit: number;
  /** Log each request's headers (masked) and body at debug level. */
  debugRequests: boolean;
}

function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function why(response: MockResponse): string {
  if (response.status < 400) return '';
  const problem = response.body as { detail?: string; errors?: { location: string; message: string }[] } | undefined;
  const errors = (problem?.errors ?? []).slice(0, 3).map((error) => `${error.location}: ${error.message}`);
  return ` ${[problem?.detail ?? '', ...errors].filter(Boolean).join('; ')}`;
}

/** Writes an answer; returns the body as sent. */
function write(res: ServerResponse, request: MockRequest, response: MockResponse, cors: boolean): string | Buffer {
  const payload = Buffer.isBuffer(response.body)
    ? response.body
    : response.body === undefined
      ? ''
      : JSON.stringify(response.body);
  const headers =
    isPreflight(request) || !cors
      ? Object.assign({}, response.headers)
      : Object.assign({}, response.headers, corsHeaders(request, response.headers));
  headers['content-length'] = String(Buffer.byteLength(payload));
  res.writeHead(response.status, headers);
  res.end(payload);
  return payload;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const STREAM_PATH = `${ADMIN_PREFIX}/requests/stream`;

/** The journal as it grows, as server-sent events (one `data:` line of JSON per entry), until the client goes. */
function stream(res: ServerResponse, journal: Journal): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
  res.write(': the journal, one event per request\n\n');
  const stop = journal.subscribe((entry) => res.write(`id: ${entry.id}\ndata: ${JSON.stringify(entry)}\n\n`));
  res.on('close', stop);
}

/** The HTTP edge: reads requests whole, answers preflights, delays, writes, logs one line each. */
export function createMockServer(currentPipeline: () => Pipeline, settings: EdgeSettings): Server {
  const { logger } = settings;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const target = parseRequestTarget(req.url ?? '/');
    const request: MockRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      path: target?.path ?? req.url ?? '',
      query: target?.query ?? {},
      headers: headersOf(req),
      body: Buffer.alloc(0),
    };
    const finish = (handled: Handled) => {
      if (res.destroyed) return;
      // The control surface is for this machine's own tools and page: no CORS, so no other site's page can stage answers.
      const sent = write(res, request, handled.response, handled.reason !== 'control');
      const durationMs = Math.round(performance.now() - started);
      const line = `${request.method} ${request.path} ${handled.response.status} ${durationMs}ms${why(handled.response)}`;
      if (handled.response.status >= 500) logger.error(line);
      else logger.info(line);
      for (const violation of handled.outputViolations) logger.error(`  answer breaks the spec: ${violation}`);
      if (settings.debugRequests) {
        const secrets = settings.control?.secrets ?? new Set<string>();
        logger.debug(`  request headers: ${JSON.stringify(shownHeaders(request, secrets))}`);
        if (request.body.length > 0) logger.debug(`  request body: ${JSON.stringify(shownRequestBody(request))}`);
      }
      if (typeof sent === 'string')
        journal(handled, { status: handled.response.status, headers: handled.response.headers, text: sent }); // a Buffer is a control page file
    };
    /** Into the journal: every answer but the control surface's own. */
    const journal = (handled: Handled, answer: SentAnswer) => {
      if (handled.reason === 'control' || settings.control === undefined) return;
      recordHandled(settings.control, request, handled, answer, started);
    };
    const answer = (response: MockResponse, reason: Handled['reason']) => finish(edgeAnswer(response, reason));
    const refuse = (problem: ErrorAnswer) => {
      res.setHeader('connection', 'close');
      answer(renderProblem(problem), 'not routed');
    };

    const hostless = missingHost(req);
    if (hostless !== undefined) return refuse(hostless);
    if (target === undefined) return refuse({ status: 400, detail: `malformed request target: ${req.url ?? ''}` });
    const toControl = request.path === ADMIN_PREFIX || request.path.startsWith(`${ADMIN_PREFIX}/`);
    if (isPreflight(request) && !toControl)
      return answer({ status: 204, headers: preflightHeaders(request) }, 'preflight');
    const read = await readBody(req, settings.bodyLimit, settings.receiveTimeout);
    if (read.kind === 'gone') return;
    if (read.kind === 'refused') return refuse(read.problem);
    request.body = read.body;
    if (toControl) {
      // Without control state the access is `off` (start.ts), so the refusal answers.
      const { control } = settings;
      const refused = refusal(settings.admin, request, req.socket.remoteAddress);
      if (refused !== undefined || control === undefined)
        return answer(refused ?? renderProblem({ status: 404, detail: 'the control surface is off' }), 'control');
      if (request.method === 'GET' && request.path === STREAM_PATH) return stream(res, control.journal);
      return answer(handleAdmin(request, control, settings.operations()), 'control');
    }
    const handled = currentPipeline()(request);
    const delay = Math.max(settings.delay, handled.delay);
    if (delay > 0) await sleep(delay);
    if (handled.fault !== undefined) {
      breakConnection(req, res, handled.fault, settings.stallLimit, handled.response);
      logger.info(`${request.method} ${request.path} fault: ${handled.fault}`);
      journal(handled, { status: 0, headers: {}, text: '' }); // no HTTP answer was given
      return;
    }
    finish(handled);
  }

  const server = createServer(
    {
      requireHostHeader: false, // answered as problem+json instead (missingHost)
      headersTimeout: settings.receiveTimeout,
      requestTimeout: 0,
      connectionsCheckingInterval: Math.min(1000, settings.receiveTimeout),
    },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        logger.error(`${req.method} ${req.url} failed inside the mock: ${(error as Error).stack ?? String(error)}`);
        if (!res.headersSent && !res.destroyed) {
          const response = renderProblem({ status: 500, detail: 'the mock failed unexpectedly; its log says why' });
          res.writeHead(response.status, response.headers).end(JSON.stringify(response.body));
        }
      });
    },
  );
  server.on('clientError', answerClientError);
  return server;
}
