// Dredd hooks (compiled to JavaScript before Dredd loads them). Dredd runs one transaction per
// documented response; these hooks make each one a request that earns that response from a
// real server and record the answer. The shared checks judge the answers when Dredd is done,
// because Dredd itself only compares the body's keys with the example.
// Dredd hands the hook file its `hooks` object through require('hooks') (proxyquire).
// eslint-disable-next-line @typescript-eslint/no-require-imports
import hooks = require('hooks');
import { requestFor } from '../send';
import { parseJson } from '../../src/checks/exchange';
import { caseForTransaction, currentSession } from './session';

const session = currentSession();
session.hooksLoaded = true;

hooks.beforeAll((transactions) => {
  session.total = transactions.length;
});

hooks.beforeEach((transaction) => {
  session.transactions.push(transaction.name);
  const chosen = caseForTransaction(session, transaction);
  if (typeof chosen === 'string') {
    transaction.skip = true;
    session.skipped.set(transaction.name, chosen);
    return;
  }
  session.chosen.set(transaction.name, chosen);
  const request = requestFor(chosen, session.target);
  transaction.request.headers = request.headers;
  transaction.request.body = request.body ?? '';
  // The shared checks judge status, headers and body (charset parameters, left-out optional
  // fields and key order are all fine), so Dredd's own comparison is emptied.
  transaction.expected.headers = {};
  delete transaction.expected.body;
  delete transaction.expected.bodySchema;
});

hooks.afterEach((transaction) => {
  const done = session.transactions.length;
  session.progress.update(`contract (dredd): ${done}/${session.total} transactions run`, done === session.total);
  const chosen = session.chosen.get(transaction.name);
  if (chosen === undefined || transaction.real === undefined) return;
  const headers = Object.fromEntries(
    Object.entries(transaction.real.headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
  const text = transaction.real.body ?? '';
  session.answered.set(transaction.name, {
    case: chosen,
    request: {
      ...requestFor(chosen, session.target),
      url: `${transaction.protocol}//${transaction.host}:${transaction.port}${transaction.fullPath}`,
    },
    response: { status: transaction.real.statusCode, headers, text, json: parseJson(text, headers['content-type']) },
    sentAt: transaction.startedAt ?? Date.now(),
    ms: transaction.startedAt === undefined ? 0 : Date.now() - transaction.startedAt,
  });
});
