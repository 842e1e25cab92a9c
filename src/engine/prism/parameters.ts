import type { IPrismDiagnostic } from '@stoplight/prism-core';
import type { IHttpRequest } from '@stoplight/prism-http';
import { validateInput as prismValidateInput } from '@stoplight/prism-http/dist/validator';
import type { IHttpOperation } from '@stoplight/types';
import * as E from 'fp-ts/Either';
import { templatePattern } from '../../spec/http';
import { toLocation } from '../../spec/huma';
import { rememberedFor } from '../../spec/remember';
import type { ErrorAnswer } from '../problem';
import type { MockRequest } from '../request';
import { toPrismRequest } from './requests';

// Prism still validates parameters (path, query, headers); the body is ours, so Prism sees an
// operation without one and a request without its body headers. Cached per operation.
const parametersOf = rememberedFor((operation: IHttpOperation): IHttpOperation | null => {
  const { body: _body, ...parameters } = operation.request ?? {};
  const hasParameters = Object.values(parameters).some((list) => Array.isArray(list) && list.length > 0);
  return hasParameters ? { ...operation, request: parameters } : null;
});

/** What is wrong with a request's parameters (path, query, headers), by Prism's validator, as a 422 problem. */
export function checkParameters(operation: IHttpOperation, request: MockRequest): ErrorAnswer | undefined {
  const resource = parametersOf(operation);
  if (resource === null) return undefined;
  const element = toPrismRequest(request);
  const { 'content-length': _length, 'content-type': _type, ...headers } = element.headers ?? {};
  const result = prismValidateInput({ resource, element: { ...element, headers, body: undefined } });
  return E.isLeft(result) ? parameterProblem(operation, element, result.left) : undefined;
}

/** A path parameter's value as sent, read off the path by the operation's template. */
function pathValue(operation: IHttpOperation, path: string, name: string): string | undefined {
  const { pattern, names } = templatePattern(operation.path);
  const value = pattern.exec(path)?.[names.findIndex((found) => found.toLowerCase() === name.toLowerCase()) + 1];
  try {
    return value === undefined ? undefined : decodeURIComponent(value);
  } catch {
    return value; // not valid percent-encoding: show it as sent
  }
}

/** The offending value of a parameter, as the request sent it (Huma puts it in `value`). */
function sentValue(operation: IHttpOperation, request: IHttpRequest, place: string, name: string): unknown {
  if (place === 'path') return pathValue(operation, request.url.path, name);
  if (place === 'query') return request.url.query?.[name];
  if (place === 'header') return request.headers?.[name.toLowerCase()];
  return undefined;
}

/** Prism lower-cases parameter names in its paths; Huma-style locations use the spec's spelling. */
function declaredName(operation: IHttpOperation, place: string, name: string): string {
  const declared = (operation.request as Record<string, { name: string }[] | undefined> | undefined)?.[
    place === 'header' ? 'headers' : place
  ];
  return declared?.find((parameter) => parameter.name.toLowerCase() === name.toLowerCase())?.name ?? name;
}

function parameterProblem(
  operation: IHttpOperation,
  request: IHttpRequest,
  diagnostics: IPrismDiagnostic[],
): ErrorAnswer {
  const errors = diagnostics.map((d) => {
    const [place = 'request', name, ...rest] = d.path ?? [];
    const segments = name === undefined ? rest : [declaredName(operation, place, name), ...rest];
    const value = name === undefined || rest.length > 0 ? undefined : sentValue(operation, request, place, name);
    return { location: toLocation(place, segments), message: d.message, ...(value === undefined ? {} : { value }) };
  });
  return { status: 422, detail: 'validation failed', errors };
}
