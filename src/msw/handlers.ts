import { http, type HttpHandler } from 'msw';
import { packagedDocument } from '../platform/packaged-spec';
import type { Har } from '../engine/control/har';
import { renderProblem, type MockResponse } from '../engine/problem';
import type { JournalFilter, SentAnswer } from '../engine/control/journal';
import type { ControlHandle } from '../engine/control-handle';
import { createMockCore } from '../engine/mock-core';
import type { MockBehaviour } from '../engine/mock-behaviour';
import { MOCK_DEFAULTS } from '../engine/mock-defaults';
import { edgeAnswer, recordHandled, type Handled } from '../engine/pipeline';
import { bodyTooLarge } from '../engine/problem';
import type { MockRequest } from '../engine/request';
import { specOf } from '../spec/spec';
import { faultResponse, toMockRequest } from './fetch-messages';
import { baseOf, handlerPatterns } from './routes';

/** How the handlers behave; every field has a default, the same as `kaiten-webhooks mock`'s. */
export interface HandlersOptions extends MockBehaviour {
  /**
   * Where the app sends its requests: an absolute URL (`https://demo.kaiten.sh`, that origin
   * only) or a path (`/api`, any origin). Default: any origin, the spec's paths as they are.
   */
  baseUrl?: string;
  /** A parsed OpenAPI 3.1 document with local `$ref`s only (one file). Default: the packaged spec. */
  spec?: object;
  /** Where a broken answer (a bug in the mock or the spec) is reported. Default: console.error. */
  log?: (line: string) => void;
}

/** MSW request handlers answered by the mock's pipeline, and the same control as the HTTP mock's handle. */
export interface KaitenHandlers extends ControlHandle {
  /** One handler per documented path; spread them into `setupServer` or `setupWorker`. */
  handlers: HttpHandler[];
  /**
   * The same requests as a HAR 1.2 log, credentials masked, their URLs under `origin` (default: the
   * `baseUrl`'s origin, else the page's, else `http://localhost`) and the `baseUrl`'s path.
   */
  har(filter?: JournalFilter, origin?: string): Har;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Where the app's requests went, for HAR URLs: an absolute base's origin, else the page's. */
function originOf(baseUrl: string | undefined): string {
  if (baseUrl !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(baseUrl)) return new URL(baseUrl).origin;
  return (globalThis as { location?: { origin?: string } }).location?.origin ?? 'http://localhost';
}

const textOf = (response: MockResponse) => (response.body === undefined ? '' : JSON.stringify(response.body));

/**
 * MSW handlers that answer as `kaiten-webhooks mock` does: the reflected 201, the request's real
 * problem+json, `Prefer`/`__` preferences, staged answers and faults, with a request journal.
 * @example
 * import { setupServer } from 'msw/node';
 * import { createHandlers } from 'kaiten-webhooks-harness/msw';
 * const kaiten = createHandlers({ baseUrl: 'https://demo.kaiten.sh' });
 * const server = setupServer(...kaiten.handlers);
 * server.listen();
 * kaiten.answerNext({ code: 500, times: 1 }); // the app's next request gets the documented 500
 */
export function createHandlers(options: HandlersOptions = {}): KaitenHandlers {
  const spec = specOf(
    options.spec ?? packagedDocument(),
    options.spec === undefined ? 'spec/openapi.yaml (packaged)' : undefined,
  );
  // The handlers always hold control state: there is no second process to split it with.
  const core = createMockCore(spec, { ...options, control: true });
  const control = core.control!;
  const pipeline = core.pipeline();
  const base = baseOf(options.baseUrl ?? '');
  const bodyLimit = options.bodyLimit ?? MOCK_DEFAULTS.bodyLimit;
  const log = options.log ?? ((line: string) => console.error(line));

  async function handle(request: MockRequest, started: number): Promise<Response> {
    const record = (handled: Handled, sent: SentAnswer) => recordHandled(control, request, handled, sent, started);
    const handled: Handled =
      request.body.length > bodyLimit
        ? edgeAnswer(renderProblem(bodyTooLarge(bodyLimit)), 'not routed')
        : pipeline(request);
    const wait = Math.max(options.delay ?? MOCK_DEFAULTS.delay, handled.delay);
    if (wait > 0) await sleep(wait);
    if (handled.fault !== undefined) {
      record(handled, { status: 0, headers: {}, text: '' }); // no HTTP answer was given
      return faultResponse(handled.fault, options.stallLimit ?? MOCK_DEFAULTS.stallLimit, handled.response);
    }
    for (const violation of handled.outputViolations)
      log(`[kaiten-webhooks] ${request.method} ${request.path}: answer breaks the spec: ${violation}`);
    const text = textOf(handled.response);
    record(handled, { status: handled.response.status, headers: handled.response.headers, text });
    return new Response(text === '' ? null : text, {
      status: handled.response.status,
      headers: handled.response.headers,
    });
  }

  const answer = async (request: Request): Promise<Response> => {
    const started = performance.now();
    try {
      return await handle(await toMockRequest(request, base.path), started);
    } catch (error) {
      log(
        `[kaiten-webhooks] ${request.method} ${request.url} failed inside the mock: ${(error as Error).stack ?? String(error)}`,
      );
      const response = renderProblem({ status: 500, detail: 'the mock failed unexpectedly; the console says why' });
      return new Response(textOf(response), { status: response.status, headers: response.headers });
    }
  };

  const handleFrom = (origin: string) => core.handleAt(`${origin}${base.path}`);
  return {
    handlers: handlerPatterns(spec.operations, base).map((route) => http.all(route, ({ request }) => answer(request))),
    ...handleFrom(originOf(options.baseUrl)),
    har: (filter, origin = originOf(options.baseUrl)) => handleFrom(origin).har(filter),
  };
}
