// A proxy run's findings as they come: each request judged by the request checks, each answer by
// verify's answer checks (the ones that apply to traffic nobody designed), run-wide checks such as
// unique ids at the end. The reports are verify's, so one formatter and one JUnit writer serve both.
import {
  CHECKS,
  applyChecks,
  judgeExchange,
  tally,
  type Check,
  type CheckContext,
  type Failure,
  type Judged,
} from '../checks';
import type { ExchangeCheck } from '../checks/check';
import type { RunResult, VerifySettings } from '../report/run-result';
import type { Exchange, RunError } from '../checks/exchange';
import { toReport, type Report } from '../report/report';
import type { Operation } from '../spec/operations';
import type { Spec } from '../spec/spec';
import { createValidator } from '../spec/validate';
import { createPrism } from '../engine/prism';
import type { Forwarded } from './forwarded';
import { exchangeFor, exchangeOf, mockRequestOf, observe, routeOf, routeTable } from './observe';
import { parseRequestTarget } from '../engine/request-target';
import { pack, unpack, type Packed } from './packed';
import { REQUEST_CHECKS, type ObservedRequest } from './request-checks';
import { leftOutNote, selectChecks, type CheckSelection } from '../checks/select';
import { credentialsOf } from './secrets';

export interface SessionSettings extends CheckSelection {
  spec: Spec;
  specPath: string;
  upstream: string;
  clockSkewMs: number;
  /** One line per violation, as it happens. */
  log: (line: string) => void;
  /** Answers kept for the run-wide checks. Default RUN_WIDE_LIMIT. */
  runWideLimit?: number;
}

export interface Session {
  record(forwarded: Forwarded, target: string): void;
  /** Whether the spec documents an operation at this method and path (the client's). */
  documents(method: string, target: string): boolean;
  /** The requests (consumer) and answers (provider) reports so far. */
  reports(): [requests: Report, answers: Report];
  /** How far the run is, cheaply (no run-wide check is applied): for a progress line. */
  tally(): SessionTally;
}

/** Requests seen so far, and the violations found on each side (run-wide checks not yet applied). */
export interface SessionTally {
  requests: number;
  consumer: number;
  provider: number;
}

/**
 * Answers kept for the checks across the run (unique ids); a long run's later answers are still
 * judged one by one, and the report says how many the run-wide checks did not see. Bounds memory.
 */
export const RUN_WIDE_LIMIT = 50_000;

/** Requests for something the spec does not have: the first check of the consumer's side. */
export const OPERATION_DOCUMENTED = {
  name: 'operation_documented',
  description: 'the request is for an operation the spec documents (method and path)',
};

/** The answer checks that judge traffic: not the ones that judge verify's designed cases. */
const TRAFFIC_CHECKS: readonly Check[] = CHECKS.filter((check) => check.designedCases !== true);

/** Credentials the server refused leave what the request should have got unknown: such an answer is not judged against it. */
function judgeable(check: Check, unknownExpectation: WeakSet<Exchange>): Check {
  if (check.expectation !== true) return check;
  return {
    ...check,
    appliesTo: (exchange, context) => !unknownExpectation.has(exchange) && check.appliesTo(exchange, context),
  };
}

const add = (into: Record<string, Judged>, from: Record<string, Judged>) => {
  for (const [name, judged] of Object.entries(from)) {
    const seen = (into[name] ??= { answers: 0, ms: 0 });
    seen.answers += judged.answers;
    seen.ms += judged.ms;
  }
};

/** An operation the spec does not have, to name a request for it in the report. */
const undocumented = (method: string, path: string): Operation => ({
  method: method.toLowerCase(),
  path,
  id: `${method} ${path}`,
  definition: { responses: {} },
});

export function createSession(settings: SessionSettings): Session {
  const started = Date.now();
  const operations = settings.spec.operations;
  const routes = routeTable(operations);
  const validate = createValidator();
  const stages = { document: settings.spec.document, validate, prism: createPrism(settings.spec) };
  const context: CheckContext = { document: settings.spec.document, validate, clockSkewMs: settings.clockSkewMs };
  const unknownExpectation = new WeakSet<Exchange>();
  const selected = selectChecks(TRAFFIC_CHECKS, settings);
  const answerChecks = selected.map((check) => judgeable(check, unknownExpectation));
  const perExchange = answerChecks.filter((check): check is ExchangeCheck => check.scope === 'exchange');
  const acrossRun = answerChecks.filter((check) => check.scope === 'run');
  const secrets = credentialsOf(settings.spec.document);

  let requests = 0;
  /** Answers kept for the run-wide checks, packed. */
  const kept: Packed[] = [];
  const requestFailures: Failure[] = [];
  const answerFailures: Failure[] = [];
  const requestJudged: Record<string, Judged> = {};
  const answerJudged: Record<string, Judged> = {};
  const errors: RunError[] = [];
  const runWideLimit = settings.runWideLimit ?? RUN_WIDE_LIMIT;
  let beyondRunWide = 0;
  /** Answers judged by the answer checks. */
  let answered = 0;
  /** Requests the mock answered (--mock-unimplemented), by the status the upstream gave. */
  const mocked = new Map<number, number>();

  const logFailure = (side: string, failure: Failure) =>
    settings.log(
      `${side} ${failure.check}: ${failure.exchange.case.title}: ${failure.message}; expected ${failure.expected}`,
    );

  // What the run-wide checks judge is unpacked anew for each report: an exchange whose expectation
  // was unknown stays so.
  const unknownPacked = new WeakSet<Packed>();
  const packed = (exchange: Exchange) => {
    const result = pack(exchange);
    if (unknownExpectation.has(exchange)) unknownPacked.add(result);
    return result;
  };
  const unpacked = (kept: Packed) => {
    const exchange = unpack(kept);
    if (unknownPacked.has(kept)) unknownExpectation.add(exchange);
    return exchange;
  };

  const failRequest = (failure: Failure) => {
    requestFailures.push(failure);
    logFailure('REQUEST', failure);
  };

  function record(forwarded: Forwarded, target: string): void {
    const serial = ++requests;
    secrets.note(forwarded.headers);
    const request = mockRequestOf(forwarded, target);
    const route = routeOf(routes, request.method, request.path);
    tally(requestJudged, OPERATION_DOCUMENTED.name, 0);
    let exchange: Exchange;
    let observed: ObservedRequest | undefined;
    if (route === undefined) {
      // Not the spec's: judged by nothing but operation_documented; its answer is passed on unchecked.
      exchange = exchangeFor(undocumented(request.method, request.path), forwarded, serial, {
        expectation: 'accept',
        credentials: 'valid',
      });
      failRequest({
        check: OPERATION_DOCUMENTED.name,
        exchange,
        message: `${request.method} ${request.path} is not in the spec`,
        expected: `one of ${operations.map((o) => `${o.method.toUpperCase()} ${o.path}`).join(', ')}`,
      });
    } else {
      observed = observe(stages, route, forwarded, target);
      exchange = exchangeOf(settings.spec, route, observed, forwarded, serial);
      for (const check of REQUEST_CHECKS) {
        const began = performance.now();
        const finding = check.run(observed);
        tally(requestJudged, check.name, performance.now() - began);
        if (finding !== undefined) failRequest({ check: check.name, exchange, ...finding });
      }
    }
    if (forwarded.clientGone === true) return; // no whole answer to judge, and not the upstream's fault
    if (forwarded.failure !== undefined) {
      errors.push({
        case: exchange.case,
        request: exchange.request,
        kind: forwarded.failure.kind,
        message: forwarded.failure.message,
      });
      settings.log(`UPSTREAM ${forwarded.failure.kind}: ${exchange.case.title}: ${forwarded.failure.message}`);
      return;
    }
    if (forwarded.replaced === true) {
      // The mock answered for an operation the upstream has not implemented: nothing of the upstream's to judge.
      const status = forwarded.answer!.status;
      mocked.set(status, (mocked.get(status) ?? 0) + 1);
      return;
    }
    if (observed === undefined) return;
    answered++;
    const refused = exchange.response.status === 401 || exchange.response.status === 403;
    if ((refused && exchange.case.credentials !== 'none') || observed.body.kind === 'unsupported')
      unknownExpectation.add(exchange);
    // Kept only where a run-wide check has something to judge (a GET or a refusal carries no new id).
    if (acrossRun.some((check) => check.appliesTo(exchange, context))) {
      if (kept.length < runWideLimit) kept.push(packed(exchange));
      else beyondRunWide++;
    }
    const before = answerFailures.length;
    judgeExchange(exchange, context, perExchange, { failures: answerFailures, judged: answerJudged });
    for (let i = before; i < answerFailures.length; i++) logFailure('ANSWER', answerFailures[i]!);
  }

  function resultOf(failures: Failure[], judged: Record<string, Judged>, runErrors: RunError[]): RunResult {
    const verifySettings: VerifySettings = {
      specPath: settings.specPath,
      baseUrl: settings.upstream,
      seed: 0,
      timeoutMs: 0,
      randomBodies: 0,
      concurrency: 0,
      overallMs: 0,
      clockSkewMs: settings.clockSkewMs,
    };
    return {
      settings: verifySettings,
      cases: [],
      exchanges: [],
      failures,
      judged,
      errors: runErrors,
      coverage: [],
      durationMs: Date.now() - started,
      secrets: secrets.all(),
    };
  }

  function reportOf(
    suite: string,
    result: RunResult,
    checks: readonly Pick<Check, 'name' | 'description'>[],
    judges: string,
    notes: string[] = [],
  ): Report {
    const { seed: _seed, ...report } = toReport(suite, result, undefined, checks);
    return { ...report, cases: requests, answered, unit: 'requests', judges, ...(notes.length === 0 ? {} : { notes }) };
  }

  const mockedNotes = () =>
    [...mocked].map(
      ([status, count]) =>
        `${count} request(s) answered by the mock, not judged: the upstream said ${status} for a documented operation (--mock-unimplemented)`,
    );

  return {
    record,
    tally: () => ({ requests, consumer: requestFailures.length, provider: answerFailures.length + errors.length }),
    documents: (method, target) => {
      return routeOf(routes, method, parseRequestTarget(target)?.path ?? target) !== undefined;
    },
    reports: () => {
      const atEnd = applyChecks(kept.map(unpacked), context, acrossRun);
      const judged = { ...answerJudged };
      add(judged, atEnd.judged);
      return [
        reportOf(
          'requests (consumer)',
          resultOf(requestFailures, requestJudged, []),
          [OPERATION_DOCUMENTED, ...REQUEST_CHECKS],
          'request(s)',
        ),
        reportOf(
          'answers (provider)',
          resultOf([...answerFailures, ...atEnd.failures], judged, errors),
          answerChecks,
          'answer(s)',
          [
            ...leftOutNote(TRAFFIC_CHECKS, selected),
            ...mockedNotes(),
            ...(beyondRunWide === 0
              ? []
              : [
                  `${beyondRunWide} answer(s) after the first ${runWideLimit} judged one by one only, not by run-wide checks (${acrossRun.map((check) => check.name).join(', ')})`,
                ]),
          ],
        ),
      ];
    },
  };
}
