// The consumer's side: named checks of the requests a client really sends, each a small function
// of the request and the operation it is for. The mock's own stages judge, so a request the mock
// would refuse is a request the spec does not allow.
import type { Finding } from '../checks/check';
import type { ErrorAnswer } from '../engine/problem';
import type { DecodedBody } from '../engine/body';
import { checkBody } from '../engine/check-body';
import type { Prism } from '../engine/prism';
import type { MockRequest } from '../engine/request';
import { checkSecurity } from '../engine/security';
import { requestBodyOf, securityOf } from '../spec/documented';
import type { Operation } from '../spec/operations';
import type { SpecDocument } from '../spec/document';
import type { ValidateValue } from '../spec/validate';

/** A request as a client sent it, with the operation it is for. */
export interface ObservedRequest {
  operation: Operation;
  request: MockRequest;
  body: DecodedBody;
  /** The body went past what the proxy keeps: nothing about it can be judged. */
  bodyCut: boolean;
  /** What the mock's stages make of it, judged once: credentials (any token counts), then the body. */
  credentials: ErrorAnswer | undefined;
  bodyProblem: ErrorAnswer | undefined;
  /** What Prism's validator makes of its parameters: asked only by the check that needs it. */
  parameterProblem: () => ErrorAnswer | undefined;
}

/** The mock's request stages, built once per spec: what judges a request the proxy saw. */
export interface RequestStages {
  document: SpecDocument;
  validate: ValidateValue;
  prism: Prism;
}

export interface RequestCheck {
  name: string;
  description: string;
  run(observed: ObservedRequest): Finding | undefined;
}

/** Any token is a token here: the proxy cannot know which are valid, only whether one was sent as the scheme says. */
const ANY_TOKEN = { tokens: new Set<string>(), forbiddenTokens: new Set<string>() };

/** A request judged by the mock's credential and body stages, once for every check that needs them. */
export function judgeRequest(
  stages: RequestStages,
  operation: Operation,
  request: MockRequest,
  body: DecodedBody,
  bodyCut: boolean,
): ObservedRequest {
  return {
    operation,
    request,
    body,
    bodyCut,
    credentials: checkSecurity(securityOf(stages.document, operation), request, ANY_TOKEN),
    bodyProblem: bodyCut ? undefined : checkBody(operation, body, stages.validate),
    parameterProblem: () => stages.prism.checkParameters(operation, request),
  };
}

function findingOf(problem: ErrorAnswer | undefined, expected: string): Finding | undefined {
  if (problem === undefined) return undefined;
  const errors = (problem.errors ?? []).map((error) => `${error.location}: ${error.message}`);
  return { message: [problem.detail, ...errors].join('; '), expected };
}

export const REQUEST_CHECKS: readonly RequestCheck[] = [
  {
    name: 'credentials_present',
    description: "the request carries credentials the way the operation's security scheme says",
    run: ({ credentials }) => findingOf(credentials, "credentials as the operation's security scheme says"),
  },
  {
    name: 'request_media_type',
    description: 'a request body comes in a media type the operation documents',
    run: ({ operation, body }) =>
      body.kind === 'unsupported'
        ? {
            message: `the body was sent as ${body.mediaType}`,
            expected:
              (requestBodyOf(operation)?.contents ?? []).map((content) => content.mediaType).join(' or ') || 'no body',
          }
        : undefined,
  },
  {
    name: 'request_body_conformance',
    description: "the request body parses and matches the operation's schema",
    run: ({ body, bodyProblem }) =>
      body.kind === 'unsupported' ? undefined : findingOf(bodyProblem, 'a body the schema accepts'),
  },
  {
    name: 'request_parameters',
    description: "path, query and header parameters match the operation's",
    run: (observed) => findingOf(observed.parameterProblem(), 'parameters as the operation documents them'),
  },
];
