import type { CheckSelection } from '../checks/select';
import type { Report } from '../report/report';
import type { Forwarded } from '../traffic/forwarded';
import { createSession } from '../traffic/session';
import type { Spec } from '../spec/spec';
import type { Recorded } from './read-har';

export interface HarCheckSettings extends CheckSelection {
  spec: Spec;
  specPath: string;
  /** The HAR file, as reports name the target. */
  file: string;
  /** Only entries under this URL are the API's; default: every entry for an operation the spec documents, on any host. */
  baseUrl?: string;
  clockSkewMs: number;
  log: (line: string) => void;
}

/** Entries left unjudged, by why, each as `METHOD URL`. */
export interface Unjudged {
  otherHosts: string[];
  undocumented: string[];
  unanswered: string[];
  /** Answered, but the HAR holds no text of the answer's body. */
  unrecorded: string[];
}

const LISTED = 10;
const named = (recorded: Recorded) => `${recorded.method} ${recorded.url.href}`;
const listed = (items: string[]) =>
  `${items.slice(0, LISTED).join(', ')}${items.length > LISTED ? `, and ${items.length - LISTED} more` : ''}`;

/** The part of the URL the spec's paths are relative to, or undefined when the entry is not under `base`. */
function targetUnder(url: URL, base: URL | undefined): string | undefined {
  if (base === undefined) return `${url.pathname}${url.search}`;
  const prefix = base.pathname.replace(/\/+$/, '');
  if (url.origin !== base.origin || !(url.pathname === prefix || url.pathname.startsWith(`${prefix}/`)))
    return undefined;
  return `${url.pathname.slice(prefix.length) || '/'}${url.search}`;
}

/** A value the recorder masked (`***`, `Bearer ***`, as the mock's journal and the proxy write them). */
const MASKED = /^(?:(\S+) )?\*{3,}$/;

/**
 * A masked credential was there: it stands in as a well-formed one, so that the request checks
 * judge the request, not the recorder's masking. Whether it was valid no HAR can say.
 */
function unmasked(headers: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const masked = MASKED.exec(value);
    result[name] = masked === null ? value : `${masked[1] === undefined ? '' : `${masked[1]} `}masked-by-the-recorder`;
  }
  return result;
}

/** What the proxy sees of an exchange, from what the HAR recorded of it. */
const forwardedOf = (recorded: Recorded): Forwarded => ({
  method: recorded.method,
  url: recorded.url.href,
  headers: unmasked(recorded.headers),
  body: { bytes: recorded.body, cut: false },
  sentAt: recorded.startedAt,
  answer: {
    status: recorded.answer!.status,
    headers: recorded.answer!.headers,
    body: { bytes: recorded.answer!.body, cut: false },
  },
  ms: recorded.ms,
});

/**
 * Judges recorded traffic as the proxy judges live traffic: each request with the request checks,
 * each answer with the answer checks. Entries for other hosts, paths the spec does not document
 * and entries without an answer are counted and listed, not judged.
 */
export function judgeHar(
  recorded: Recorded[],
  settings: HarCheckSettings,
): { reports: [Report, Report]; unjudged: Unjudged } {
  const { file: upstream, baseUrl: _baseUrl, ...sessionSettings } = settings;
  const session = createSession({ ...sessionSettings, upstream });
  const base = settings.baseUrl === undefined ? undefined : new URL(settings.baseUrl);
  const unjudged: Unjudged = { otherHosts: [], undocumented: [], unanswered: [], unrecorded: [] };
  for (const entry of recorded) {
    const target = targetUnder(entry.url, base);
    if (target === undefined) unjudged.otherHosts.push(named(entry));
    else if (!session.documents(entry.method, target))
      (base === undefined ? unjudged.otherHosts : unjudged.undocumented).push(named(entry));
    else if (entry.answer === undefined) unjudged.unanswered.push(named(entry));
    else if (!entry.answer.bodyRecorded) unjudged.unrecorded.push(named(entry));
    else session.record(forwardedOf(entry), target);
  }
  const [requests, answers] = session.reports();
  const notes = [
    ...(unjudged.otherHosts.length === 0
      ? []
      : [
          `${unjudged.otherHosts.length} entr(y/ies) not judged: ${base === undefined ? 'not for an operation of the spec' : `not under ${base.href}`}: ${listed(unjudged.otherHosts)}`,
        ]),
    ...(unjudged.undocumented.length === 0
      ? []
      : [
          `${unjudged.undocumented.length} entr(y/ies) not judged: a path or method the spec does not document: ${listed(unjudged.undocumented)}`,
        ]),
    ...(unjudged.unanswered.length === 0
      ? []
      : [
          `${unjudged.unanswered.length} entr(y/ies) not judged: no answer recorded (status 0): ${listed(unjudged.unanswered)}`,
        ]),
    ...(unjudged.unrecorded.length === 0
      ? []
      : [
          `${unjudged.unrecorded.length} entr(y/ies) not judged: the answer's body is not in the file (record with content): ${listed(unjudged.unrecorded)}`,
        ]),
  ];
  return { reports: [{ ...requests, notes: [...notes, ...(requests.notes ?? [])] }, answers], unjudged };
}
