// Dredd hooks (compiled to JavaScript before Dredd loads them). Dredd runs one transaction per
// documented response; these hooks make each one a request that earns that response from a
// real server, and apply the shared checks to the answer, because Dredd itself only compares
// the body's keys with the example.
// Dredd hands the hook file its `hooks` object through require('hooks') (proxyquire).
// eslint-disable-next-line @typescript-eslint/no-require-imports
import hooks = require('hooks');
import { applyChecks } from '../checks';
import { parseJson, requestFor, type Exchange } from '../send';
import { caseForTransaction, currentSession } from './session';

const session = currentSession();
session.hooksLoaded = true;

hooks.beforeEach((transaction) => {
  const chosen = caseForTransaction(session, transaction);
  if (typeof chosen === 'string') {
    transaction.skip = true;
    session.skipped.push({ transaction: transaction.name, reason: chosen });
    return;
  }
  session.chosen.set(transaction.name, chosen);
  const request = requestFor(chosen, session.target);
  transaction.request.headers = request.headers;
  transaction.request.body = request.body ?? '';
  // The shared checks judge headers and body (charset parameters, left-out optional fields and
  // key order are all fine); Dredd keeps judging the status code.
  transaction.expected.headers = {};
  delete transaction.expected.body;
  delete transaction.expected.bodySchema;
});

hooks.afterEach((transaction) => {
  const chosen = session.chosen.get(transaction.name);
  if (chosen === undefined || transaction.real === undefined) return;
  const headers = Object.fromEntries(Object.entries(transaction.real.headers).map(([name, value]) => [name.toLowerCase(), value]));
  const text = transaction.real.body ?? '';
  const json = parseJson(text, headers['content-type']);
  const exchange: Exchange = {
    case: chosen,
    request: { ...requestFor(chosen, session.target), url: `${transaction.protocol}//${transaction.host}:${transaction.port}${transaction.fullPath}` },
    response: { status: transaction.real.statusCode, headers, text, json },
    ms: 0,
  };
  session.exchanges.push(exchange);
  const failures = applyChecks([exchange], session.context, 'exchange');
  session.failures.push(...failures);
  if (failures.length > 0) transaction.fail = failures.map((f) => `${f.check}: ${f.message} (expected ${f.expected})`).join('; ');
});
