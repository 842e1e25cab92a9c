import route from '@stoplight/prism-http/dist/router';
import { matchPath } from '@stoplight/prism-http/dist/router/matchPath';
import { MatchType } from '@stoplight/prism-http/dist/router/types';
import type { IHttpOperation } from '@stoplight/types';
import * as E from 'fp-ts/Either';
import type { MockRequest } from '../request';
import { fromPrismError, toPrismRequest } from './requests';

/** Routing results remembered before the router starts over. */
const ROUTES_REMEMBERED = 1000;

/** What Prism's router made of a request: an operation, or why none (404, 405) as a status and detail. */
export type Routed<O> = { kind: 'routed'; operation: O } | { kind: 'unrouted'; status: number; detail: string };

/**
 * Prism's router, the authority on which operation a request is for. What it says depends on the
 * method and path alone, so it is asked once per (method, path) and remembered, up to a bound
 * (ids in paths make paths many).
 */
export function createRouter(models: IHttpOperation[]): (request: MockRequest) => Routed<IHttpOperation> {
  const routes = new Map<string, Routed<IHttpOperation>>();
  return (request) => {
    const key = `${request.method} ${request.path}`;
    let routed = routes.get(key);
    if (routed === undefined) {
      const result = route({ resources: models, input: toPrismRequest(request) });
      if (E.isRight(result)) routed = { kind: 'routed', operation: result.right };
      else routed = { kind: 'unrouted', ...fromPrismError(result.left) };
      if (routes.size >= ROUTES_REMEMBERED) routes.clear();
      routes.set(key, routed);
    }
    return routed;
  };
}

/** The methods documented for a path, for a 405's `Allow` header. */
export function allowedMethods(models: IHttpOperation[], path: string): string[] {
  if (!path.startsWith('/')) return [];
  const matching = models.filter((model) => {
    const match = matchPath(path, model.path);
    return E.isRight(match) && match.right !== MatchType.NOMATCH;
  });
  return [...new Set(matching.map((model) => model.method.toUpperCase()))];
}
