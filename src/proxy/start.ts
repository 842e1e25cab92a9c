import { connect, type AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { loadSpec } from '../spec/load';
import { DEFAULT_SPEC, readVersion } from '../platform/version';
import { HarnessError } from '../platform/harness-error';
import { harLog, type Har } from '../engine/control/har';
import { secretNamesOf } from '../engine/control/state';
import { createHarRecorder } from './har-recorder';
import { toHtml } from '../report/html';
import type { Report } from '../report/report';
import { createMockCore } from '../engine/mock-core';
import type { ProxyHooks } from './pass-on';
import { mockRequestOf } from '../traffic/observe';
import { endpointOf, linkTo } from './link';
import { createProxyServer } from './server';
import { createSession, type SessionSettings, type SessionTally } from '../traffic/session';
import { UnknownCheckError } from '../checks/select';
import { proxyVerdict, type FailOn } from '../traffic/verdict';

/** How to start the proxy; only the upstream has no default. */
export interface ProxyOptions {
  /** Where requests go: `https://staging.example.com/api` (a path prefix is kept). */
  upstream: string;
  /** OpenAPI file the traffic is held to. Default: the packaged spec. */
  spec?: string;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default 4020; 0 picks a free port (read it from `url`). */
  port?: number;
  /** Extra certificate authorities (PEM text) for an https upstream with a private CA. */
  upstreamCa?: string;
  /** Milliseconds to wait for the upstream's answer before a 504. Default 30 000. */
  timeoutMs?: number;
  /** How far a server-made time may be from the request's. Default 300 000 (5 minutes). */
  clockSkewMs?: number;
  /** The run is over after this many requests. */
  maxRequests?: number;
  /** The run is over after this many milliseconds. */
  durationMs?: number;
  /** Whose violations fail the run (`--fail-on`); for the live report's verdict. Default `any`. */
  failOn?: FailOn;
  /** Answer from the mock when the upstream says 501 or 404 for a documented operation (not judged; the report says how many). */
  mockUnimplemented?: boolean;
  /** Where a line per violation goes as it happens. Default: nowhere. */
  log?: (line: string) => void;
  /** Keep what goes through as HAR entries (the first 10 000, credentials masked), for `har()`. Default false. */
  recordHar?: boolean;
  /** Only these answer checks (`--checks`). */
  checks?: string[];
  /** Every answer check but these (`--exclude-checks`). */
  excludeChecks?: string[];
}

export interface RunningProxy {
  url: string;
  port: number;
  /** The requests (consumer) and answers (provider) reports so far. */
  reports(): [Report, Report];
  /** Requests seen and violations found so far, without the run-wide checks (cheap: for a progress line). */
  tally(): SessionTally;
  /** What went through, as HAR 1.2 (with `recordHar`; otherwise no entries), credentials masked. */
  har(): Har;
  /** The report so far as one self-contained HTML page (what `proxy --html` writes). */
  html(): string;
  /** Settles when `maxRequests` or `durationMs` is reached, saying which. */
  finished: Promise<'max-requests' | 'duration'>;
  close(): Promise<void>;
}

/** Why the proxy cannot start (an unreachable upstream, an unusable spec): exit 2. */
export class ProxyStartError extends HarnessError {
  override name = 'ProxyStartError';

  override get said(): string {
    return `could not start the proxy: ${this.message}`;
  }
}

const REPORT_PATH = '/__proxy/report';
/** An upstream that has not built an operation yet says so with one of these. */
const unimplemented = (status: number) => status === 501 || status === 404;

/** The session with the checks the options choose; a name no check has cannot start the proxy. */
function sessionFor(options: ProxyOptions, settings: SessionSettings) {
  try {
    return createSession({
      ...settings,
      ...(options.checks === undefined ? {} : { checks: options.checks }),
      ...(options.excludeChecks === undefined ? {} : { excludeChecks: options.excludeChecks }),
    });
  } catch (error) {
    if (error instanceof UnknownCheckError) throw new ProxyStartError(error.message);
    throw error;
  }
}

/** Whether the upstream accepts a connection at all, before any client is told to use the proxy. */
function reachable(url: URL, timeoutMs: number): Promise<string | undefined> {
  return new Promise((settle) => {
    const socket = connect(endpointOf(url));
    const done = (why: string | undefined) => {
      socket.destroy();
      settle(why);
    };
    socket.setTimeout(timeoutMs, () => done(`no connection within ${timeoutMs} ms`));
    socket.once('connect', () => done(undefined));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
  });
}

function upstreamOf(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ProxyStartError(`--upstream must be an absolute http(s) URL, not "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ProxyStartError(`--upstream must be an http or https URL, not "${text}"`);
  return url;
}

/**
 * Starts the validating proxy: every request goes to the upstream unchanged and its answer back
 * unchanged, and both are held to the spec.
 * @example
 * const proxy = await startProxy({ upstream: 'https://staging.example.com/api', port: 0 });
 * // run the app's end-to-end tests against proxy.url, then:
 * await proxy.close();
 * const [requests, answers] = proxy.reports();
 */
export async function startProxy(options: ProxyOptions): Promise<RunningProxy> {
  const upstream = upstreamOf(options.upstream);
  const specPath = resolve(options.spec ?? DEFAULT_SPEC);
  const spec = await loadSpec(specPath).catch((error: Error) => {
    throw new ProxyStartError(error.message);
  });
  const session = sessionFor(options, {
    spec,
    specPath,
    upstream: upstream.href,
    clockSkewMs: options.clockSkewMs ?? 300_000,
    log: options.log ?? (() => undefined),
  });
  const timeoutMs = options.timeoutMs ?? 30_000;
  const unreachable = await reachable(upstream, Math.min(timeoutMs, 10_000));
  if (unreachable !== undefined)
    throw new ProxyStartError(`the upstream ${upstream.origin} is unreachable (${unreachable})`);
  const target = { url: upstream, timeoutMs, ...(options.upstreamCa === undefined ? {} : { ca: options.upstreamCa }) };
  const recorder = options.recordHar === true ? createHarRecorder(new Set(secretNamesOf(spec.document))) : undefined;

  // Any token, nothing staged, no journal: the proxy's own report is where its traffic is kept.
  const mock = options.mockUnimplemented === true ? createMockCore(spec, { control: false }).pipeline() : undefined;
  let finish: (why: 'max-requests' | 'duration') => void = () => undefined;
  const finished = new Promise<'max-requests' | 'duration'>((settle) => (finish = settle));
  let seen = 0;

  const link = linkTo(target);
  const hooks: ProxyHooks = {
    upstream: target,
    link,
    answerHere: (method, requestTarget) => {
      if (method !== 'GET' || requestTarget !== REPORT_PATH) return undefined;
      const reports = session.reports();
      return {
        status: 200,
        headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
        body: JSON.stringify({ verdict: proxyVerdict(reports, options.failOn ?? 'any'), reports }),
      };
    },
    replaceIf: (method, requestTarget) =>
      mock !== undefined && session.documents(method, requestTarget) ? unimplemented : undefined,
    replacement: (forwarded, requestTarget) => {
      const { response } = mock!(mockRequestOf(forwarded, requestTarget));
      return {
        status: response.status,
        headers: {
          ...response.headers,
          'x-kaiten-proxy': `answered by the mock: the upstream said ${forwarded.answer!.status}`,
        },
        body: response.body === undefined ? '' : JSON.stringify(response.body),
      };
    },
    done: (forwarded, requestTarget) => {
      session.record(forwarded, requestTarget);
      recorder?.add(forwarded);
      if (options.maxRequests !== undefined && ++seen >= options.maxRequests) finish('max-requests');
    },
    // A bug of the proxy's own: the client still gets problem+json (or a closed connection), never a hang.
    fault: (error) => options.log?.(`the proxy failed: ${(error as Error).stack ?? String(error)}`),
  };

  const server = createProxyServer(hooks);
  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(options.port ?? 4020, options.host ?? '127.0.0.1', () => listening());
  });
  const timer = options.durationMs === undefined ? undefined : setTimeout(() => finish('duration'), options.durationMs);
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    port,
    reports: () => session.reports(),
    tally: () => session.tally(),
    har: () => recorder?.har(readVersion()) ?? harLog([], readVersion()),
    html: () => {
      const reports = session.reports();
      return toHtml(
        reports,
        proxyVerdict(reports, options.failOn ?? 'any'),
        `kaiten-webhooks proxy: ${options.upstream}`,
      );
    },
    finished,
    close: () =>
      new Promise((closed) => {
        clearTimeout(timer);
        server.close(() => closed());
        server.closeAllConnections();
        link.close();
      }),
  };
}
