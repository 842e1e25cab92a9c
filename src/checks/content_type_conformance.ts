import type { ExchangeCheck } from './check';
import { answerMediaType } from './responses';
import { documentedResponse } from '../spec/documented';

const documentedTypes = (exchange: Parameters<ExchangeCheck['run']>[0]) =>
  Object.keys(documentedResponse(exchange.case.operation, exchange.response.status)?.content ?? {});

/** The Content-Type is one documented for the status (parameters such as charset allowed). */
export const contentTypeConformance: ExchangeCheck = {
  name: 'content_type_conformance',
  description: 'the Content-Type is a media type documented for the status (charset and other parameters allowed)',
  scope: 'exchange',
  appliesTo: (exchange) => documentedTypes(exchange).length > 0,
  run: (exchange) => {
    const documented = documentedTypes(exchange);
    if (documented.some((type) => type.toLowerCase() === answerMediaType(exchange))) return undefined;
    const sent = exchange.response.headers['content-type'];
    return {
      message: sent === undefined ? 'no Content-Type' : `Content-Type is "${sent}"`,
      expected: documented.join(' or '),
    };
  },
};
