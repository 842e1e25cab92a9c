// The answers a proxy run keeps for the run-wide checks (unique ids), up to 50,000 of them: each
// as one string beside its operation, not a tree of objects. A tree per kept answer made the
// garbage collector copy and mark tens of thousands of objects under load, a quarter of the
// proxy's CPU; a string is one object. Unpacked only when a report is asked for.
import { parseJson, type Exchange } from '../checks/exchange';
import type { Operation } from '../spec/operations';

export interface Packed {
  /** Shared with every other exchange of the operation: kept by reference, not copied. */
  operation: Operation;
  text: string;
}

export function pack(exchange: Exchange): Packed {
  const { operation, ...rest } = exchange.case;
  const { json, ...response } = exchange.response;
  return {
    operation,
    text: JSON.stringify({
      case: rest,
      request: exchange.request,
      response,
      parsed: json !== undefined,
      sentAt: exchange.sentAt,
      ms: exchange.ms,
    }),
  };
}

/** The exchange as it was packed (its answer's JSON parsed again from the text it came from). */
export function unpack({ operation, text }: Packed): Exchange {
  const {
    case: rest,
    request,
    response,
    parsed,
    sentAt,
    ms,
  } = JSON.parse(text) as Omit<Exchange, 'case'> & { case: Omit<Exchange['case'], 'operation'>; parsed: boolean };
  const json = parsed ? parseJson(response.text, response.headers['content-type']) : undefined;
  return {
    case: { ...rest, operation },
    request,
    response: json === undefined ? response : { ...response, json },
    sentAt,
    ms,
  };
}
