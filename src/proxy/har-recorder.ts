import type { Entry } from 'har-format';
import { harEntry, harLog, type Har } from '../engine/control/har';
import { maskedHeaders } from '../engine/control/journal';
import type { Forwarded } from '../traffic/forwarded';

/** Entries a recorder keeps by default: a long run's HAR stays bounded, and says what it left out. */
export const HAR_LIMIT = 10_000;

/** What went through the proxy, kept as HAR entries: the first `limit`, credentials masked. */
export interface HarRecorder {
  add(forwarded: Forwarded): void;
  har(version: string): Har;
}

const text = (kept: { bytes: Buffer; cut: boolean }) =>
  `${kept.bytes.toString('utf8')}${kept.cut ? '… (cut at 1 MiB)' : ''}`;

export function createHarRecorder(secretNames: ReadonlySet<string>, limit = HAR_LIMIT): HarRecorder {
  const entries: Entry[] = [];
  let dropped = 0;
  return {
    add(forwarded) {
      if (forwarded.clientGone === true) return;
      if (entries.length >= limit) return void dropped++;
      const url = new URL(forwarded.url);
      const query: Record<string, string[]> = {};
      for (const [name, value] of url.searchParams) (query[name] ??= []).push(value);
      const answer = forwarded.answer;
      entries.push(
        harEntry({
          startedAt: new Date(forwarded.sentAt).toISOString(),
          ms: forwarded.ms,
          method: forwarded.method.toUpperCase(),
          url: `${url.origin}${url.pathname}`,
          query,
          headers: maskedHeaders(forwarded.headers, secretNames),
          requestText: text(forwarded.body),
          ...(answer === undefined
            ? { error: `${forwarded.failure?.kind ?? 'no answer'}: ${forwarded.failure?.message ?? ''}` }
            : {
                answer: {
                  status: answer.status,
                  headers: maskedHeaders(answer.headers, secretNames),
                  text: text(answer.body),
                },
              }),
          ...(forwarded.replaced === true ? { comment: 'answered by the mock (--mock-unimplemented)' } : {}),
        }),
      );
    },
    har(version) {
      const log = harLog(entries, version);
      if (dropped > 0) log.log.comment = `the first ${limit} exchanges; ${dropped} later one(s) not recorded`;
      return log;
    },
  };
}
