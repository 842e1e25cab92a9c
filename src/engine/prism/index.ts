// The one place that talks to Prism and its fp-ts: Prism's router, its parameter validator and
// its mocker, behind plain functions of the project's own model. Prism's view of the spec's
// operations is built here, from the dereferenced document, and never leaves.
import type { IHttpOperation } from '@stoplight/types';
import type { Operation } from '../../spec/operations';
import { rememberedFor } from '../../spec/remember';
import { reasonOf, SpecError, type Spec } from '../../spec/spec';
import type { MockResponse, ErrorAnswer } from '../problem';
import type { MockRequest } from '../request';
import { mockAnswer, type DocumentedAsk } from './mocker';
import { operationsOf } from './operations';
import { checkParameters } from './parameters';
import { toPrismRequest } from './requests';
import { allowedMethods, createRouter, type Routed } from './router';

/** What the mock asks of Prism, in the project's model. */
export interface Prism {
  /** The operation a request is for, by Prism's router; else the 404 or 405 it says. */
  route(request: MockRequest): Routed<Operation>;
  /** The methods documented for a path (a 405's `Allow`). */
  allowedMethods(path: string): string[];
  /** What is wrong with a request's path, query and header parameters, as a 422 problem. */
  checkParameters(operation: Operation, request: MockRequest): ErrorAnswer | undefined;
  /** A documented answer made by Prism's mocker (negotiated by the request's `Accept`). */
  documentedAnswer(operation: Operation, ask: DocumentedAsk, request: MockRequest, jsonBody: unknown): MockResponse;
}

const keyOf = (operation: { method: string; path: string }) => `${operation.method.toLowerCase()} ${operation.path}`;

// Prism's model of a document, made once per document (a reload brings a new one).
const modelsOf = rememberedFor((spec: Spec): IHttpOperation[] => {
  try {
    return operationsOf(spec.document);
  } catch (error) {
    throw new SpecError(spec.source, reasonOf(error));
  }
});

/** Prism for one spec, asked about that spec's operations; throws a SpecError when Prism cannot model the document. */
export function createPrism(spec: Spec): Prism {
  const models = modelsOf(spec);
  // Each way, by object: the operations Prism is asked about are this spec's own.
  const modelByKey = new Map(models.map((model) => [keyOf(model), model]));
  const modelOf = new Map(spec.operations.map((operation) => [operation, modelByKey.get(keyOf(operation))!]));
  const ours = new Map([...modelOf].map(([operation, model]) => [model, operation]));
  const router = createRouter(models);
  return {
    route(request) {
      const routed = router(request);
      return routed.kind === 'routed' ? { kind: 'routed', operation: ours.get(routed.operation)! } : routed;
    },
    allowedMethods: (path) => allowedMethods(models, path),
    checkParameters: (operation, request) => checkParameters(modelOf.get(operation)!, request),
    documentedAnswer: (operation, ask, request, jsonBody) =>
      mockAnswer(modelOf.get(operation)!, ask, toPrismRequest(request, jsonBody)),
  };
}
