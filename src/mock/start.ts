import { watch, type FSWatcher } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { basename, dirname, resolve } from 'node:path';
import { loadSpec } from '../spec/load';
import { DEFAULT_SPEC } from '../version';
import { createLogger, type LogLevel } from './log';
import { createPipeline, type Pipeline, type PipelineSettings } from './pipeline';
import { createMockServer } from './server';

/** How to start the mock; every field has a default. */
export interface MockOptions {
  /** OpenAPI file to serve. Default: the packaged spec/openapi.yaml. */
  spec?: string;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default 4010; 0 picks a free port (read it from `url`). */
  port?: number;
  /** Makes ids, timestamps and generated data reproducible. */
  seed?: string | number;
  /** Accept only these bearer tokens (default: any non-empty token). */
  tokens?: string[];
  /** Tokens that lack the operation's scopes: answered 403. */
  forbiddenTokens?: string[];
  /** Milliseconds to wait before every answer. Default 0. */
  delay?: number;
  /** Default `info` (one line per request); `silent` for tests. */
  logLevel?: LogLevel;
  /** Where log lines go. Default: standard output. */
  log?: (line: string) => void;
  /** Reload the spec when its file changes. Default true. */
  watch?: boolean;
  /** Largest request body accepted, in bytes. Default 1 MiB. */
  bodyLimit?: number;
  /** Milliseconds allowed for a request's headers, and for its body, to arrive. Default 10 000. */
  receiveTimeout?: number;
}

/** A running mock. */
export interface RunningMock {
  /** Base URL, such as `http://127.0.0.1:4010`. */
  url: string;
  port: number;
  /** Milliseconds from starting to load the spec to listening. */
  startupMs: number;
  /** Stops listening and watching; resolves when every connection is closed. */
  close(): Promise<void>;
}

export { DEFAULT_SPEC };
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
  const logger = createLogger(options.logLevel ?? 'info', options.log);
  const settings: PipelineSettings = {
    auth: { tokens: new Set(options.tokens ?? []), forbiddenTokens: new Set(options.forbiddenTokens ?? []) },
    ...(options.seed === undefined ? {} : { seed: String(options.seed) }),
  };
  let pipeline: Pipeline = createPipeline(await loadSpec(specPath), settings);
  const server = createMockServer(() => pipeline, {
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    receiveTimeout: options.receiveTimeout ?? 10_000,
    delay: options.delay ?? 0,
    logger,
  });

  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(options.port ?? 4010, options.host ?? '127.0.0.1', () => listening());
  });
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;

  let watcher: FSWatcher | undefined;
  if (options.watch !== false) {
    let pending: NodeJS.Timeout | undefined;
    const reload = async () => {
      try {
        pipeline = createPipeline(await loadSpec(specPath), settings);
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
    close: () =>
      new Promise((closed) => {
        watcher?.close();
        server.close(() => closed());
        server.closeAllConnections();
      }),
  };
}
