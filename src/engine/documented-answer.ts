import type { Operation } from '../spec/operations';
import type { Choice } from './choose';
import type { Prism } from './prism';
import type { MockResponse } from './problem';
import type { MockRequest } from './request';

// Dynamic data comes from json-schema-faker, which breaks `format: uri` about half the time here:
// regenerate, and after this many tries answer the documented example instead.
const DYNAMIC_ATTEMPTS = 20;

/** What a documented answer is asked for, beside the choice: the request it answers and how to seed generated data. */
export interface DocumentedRequest {
  request: MockRequest;
  /** The request body, when it is JSON (Prism's mocker sees the request as sent). */
  jsonBody: unknown;
  /** The `--seed` and this answer's serial: generated data is reproducible per answer. */
  seed?: string | undefined;
  serial: number;
  /** Whether a generated answer holds to the spec (the self-check finds nothing). */
  conforms(response: MockResponse): boolean;
}

/** A documented answer from Prism's mocker; generated data is regenerated until it conforms, else the example stands in. */
export function documentedAnswer(
  prism: Prism,
  operation: Operation,
  choice: Extract<Choice, { kind: 'documented' }>,
  asked: DocumentedRequest,
): MockResponse {
  const ask = {
    code: choice.response.code,
    ...(choice.exampleKey === undefined ? {} : { exampleKey: choice.exampleKey }),
    ...(choice.content === undefined ? {} : { mediaType: choice.content.mediaType }),
  };
  const mock = (dynamic: boolean, seed?: string) =>
    prism.documentedAnswer(
      operation,
      { ...ask, dynamic, ...(seed === undefined ? {} : { seed }) },
      asked.request,
      asked.jsonBody,
    );
  if (!choice.dynamic) return mock(false);
  for (let attempt = 0; attempt < DYNAMIC_ATTEMPTS; attempt++) {
    const response = mock(true, asked.seed === undefined ? undefined : `${asked.seed}:${asked.serial}:${attempt}`);
    if (response.status !== Number(choice.response.code) || asked.conforms(response)) return response;
  }
  return mock(false);
}
