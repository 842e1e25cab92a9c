import { watch, type FSWatcher } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { basename, dirname, resolve } from 'node:path';
import { loadSpec } from '../spec/load';
import { SpecError, type Spec } from '../spec/spec';
import { ADMIN_PREFIX, type AdminAccess } from './control/admin';
import type { ControlHandle } from '../engine/control-handle';
import type { MockBehaviour } from '../engine/mock-behaviour';
import { createMockCore } from '../engine/mock-core';
import { MOCK_DEFAULTS } from '../engine/mock-defaults';
import { DEFAULT_SPEC } from '../platform/version';
import { createLogger, type LogLevel } from '../engine/log';
import { createMockServer } from './server';

/** How to start the mock; every field has a default. */
export interface MockOptions extends MockBehaviour {
  /** OpenAPI file to serve. Default: the packaged spec/openapi.yaml. */
  spec?: string;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default 4010; 0 picks a free port (read it from `url`). */
  port?: number;
  /** Default `info` (one line per request); `silent` for tests. */
  logLevel?: LogLevel;
  /** Where log lines go. Default: standard output. */
  log?: (line: string) => void;
  /** Reload the spec when its file changes. Default true. */
  watch?: boolean;
  /** Milliseconds allowed for a request's headers, and for its body, to arrive. Default 10 000. */
  receiveTimeout?: number;
  /** Bearer token for the control surface; needed when listening beyond loopback. */
  adminToken?: string;
  /** Hold staged answers and a journal. Default true; `--workers` turns it off (no one state across processes). */
  control?: boolean;
}

/** A running mock. */
export interface RunningMock extends ControlHandle {
  /** Base URL, such as `http://127.0.0.1:4010`. */
  url: string;
  port: number;
  /** Milliseconds from starting to load the spec to listening. */
  startupMs: number;
  /** Who may use the control surface under /__mock, as a line for the start-up log. */
  controlAccess: string;
  /** Stops listening and watching; resolves when every connection is closed. */
  close(): Promise<void>;
}

/** A spec the mock can serve: none of its paths under the control surface's prefix. */
function servable(spec: Spec): Spec {
  const taken = spec.operations.find(
    (operation) => operation.path === ADMIN_PREFIX || operation.path.startsWith(`${ADMIN_PREFIX}/`),
  );
  if (taken !== undefined)
    throw new SpecError(
      spec.source,
      `its path ${taken.path} is under ${ADMIN_PREFIX}, which the mock keeps for its control surface`,
    );
  return spec;
}

const isLoopback = (host: string) => host === 'localhost' || /^(127\.\d+\.\d+\.\d+|::1)$/.test(host);

/** Loopback clients only by default; beyond loopback, holders of the admin token, or nobody. */
function accessFor(host: string, token: string | undefined, hasControl: boolean): AdminAccess {
  if (!hasControl) return { kind: 'off', why: 'it needs a single worker (--workers 1)' };
  if (token !== undefined) return { kind: 'token', token };
  return isLoopback(host)
    ? { kind: 'loopback' }
    : { kind: 'off', why: `the mock listens on ${host}, beyond loopback: start it with --admin-token T to use it` };
}

function describeAccess(access: AdminAccess): string {
  if (access.kind === 'loopback') return `control surface on ${ADMIN_PREFIX} (loopback clients only)`;
  if (access.kind === 'token') return `control surface on ${ADMIN_PREFIX} (Authorization: Bearer <the --admin-token>)`;
  return `control surface off: ${access.why}`;
}
const RELOAD_SETTLE_MS = 100;

/**
 * Starts the mock server on the spec.
 * @example
 * const mock = await startMock({ port: 0, logLevel: 'silent' });
 * const headers = { authorization: 'Bearer t', 'content-type': 'application/json' };
 * await fetch(`${mock.url}/webhooks`, { method: 'POST', headers, body: '{}' }); // 422, with an ErrorDetail per missing field
 * await mock.close();
 */
export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const started = performance.now();
  const specPath = resolve(options.spec ?? DEFAULT_SPEC);
  const logger = createLogger(options.logLevel ?? MOCK_DEFAULTS.logLevel, options.log);
  const core = createMockCore(servable(await loadSpec(specPath)), options);
  const host = options.host ?? MOCK_DEFAULTS.host;
  const admin = accessFor(host, options.adminToken, core.control !== undefined);
  const server = createMockServer(core.pipeline, {
    bodyLimit: options.bodyLimit ?? MOCK_DEFAULTS.bodyLimit,
    receiveTimeout: options.receiveTimeout ?? MOCK_DEFAULTS.receiveTimeout,
    delay: options.delay ?? MOCK_DEFAULTS.delay,
    logger,
    ...(core.control === undefined ? {} : { control: core.control }),
    admin,
    operations: () => core.spec().operations,
    stallLimit: options.stallLimit ?? MOCK_DEFAULTS.stallLimit,
    debugRequests: options.logLevel === 'debug',
  });

  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(options.port ?? MOCK_DEFAULTS.port, host, () => listening());
  });
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;

  let watcher: FSWatcher | undefined;
  if (options.watch !== false) {
    let pending: NodeJS.Timeout | undefined;
    const reload = async () => {
      try {
        core.reload(servable(await loadSpec(specPath)));
        logger.info(`spec reloaded: ${specPath}`);
      } catch (error) {
        logger.error(`spec not reloaded, still serving the last good one: ${(error as Error).message}`);
      }
    };
    // Editors save by rename, so watch the folder and pick out the file.
    watcher = watch(dirname(specPath), (_event, file) => {
      if (file !== basename(specPath)) return;
      clearTimeout(pending);
      pending = setTimeout(() => void reload(), RELOAD_SETTLE_MS);
    });
    watcher.unref();
  }

  return {
    url,
    port,
    startupMs: Math.round(performance.now() - started),
    controlAccess: describeAccess(admin),
    ...core.handleAt(url),
    close: () =>
      new Promise((closed) => {
        watcher?.close();
        server.close(() => closed());
        server.closeAllConnections();
      }),
  };
}
