import { coverageLines, suiteName } from './format';
import { SCRIPT, STYLE } from './html-assets';
import type { Report, ReportedError, ReportedFailure } from './report';

// Hand-written rather than a template engine: one page of static markup from plain data, where
// the one rule that matters (every value escaped) fits in `text`.
const text = (value: unknown) =>
  String(value).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
const CHECK_WORDS = { failed: 'FAILED', passed: 'passed', 'not checked': 'not checked' } as const;

function verdictClass(verdict: string): string {
  const code = /exit (\d)$/.exec(verdict)?.[1];
  return code === '0' ? 'passed' : code === '1' ? 'failed' : 'unverified';
}

function checksTable(report: Report): string {
  const judges = report.judges ?? 'answer(s)';
  const rows = report.checks.map(
    (check) =>
      `<tr data-status="${text(check.status)}"><td class="${check.status.replace(' ', '-')}">${CHECK_WORDS[check.status]}</td><td><code>${text(check.name)}</code></td><td>${text(check.description)}</td><td>${check.status === 'not checked' ? 'no applicable answer' : `${check.judged} ${text(judges)}`}</td><td>${check.failures}</td></tr>`,
  );
  return `<table class="checks"><thead><tr><th>status</th><th>check</th><th>what it judges</th><th>judged</th><th>failures</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function coverageTable(reports: Report[]): string {
  const { suites, lines } = coverageLines(reports);
  if (suites.length === 0) return '';
  const rows = lines.map(
    (line) =>
      `<tr><td>${text(line.operation)}</td><td>${text(line.status)}</td>${line.cells.map((cell) => `<td>${cell === undefined ? '-' : `${cell.cases} / ${cell.seen}`}</td>`).join('')}<td>${text(line.notes.join('; '))}</td></tr>`,
  );
  const head = `<tr><th>operation</th><th>status</th>${suites.map((r) => `<th>${text(suiteName(r))}</th>`).join('')}<th></th></tr>`;
  return `<h2 id="coverage">Documented responses exercised</h2><p class="muted">Requests aimed at the status / answers with it.</p><table class="coverage"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

const curlBlock = (curl: string) =>
  `<pre class="curl">${text(curl)}</pre><button type="button" class="copy">Copy</button>`;

function failureItem(failure: ReportedFailure, suite: string): string {
  const { request, response } = failure;
  const sent = [
    `${request.method} ${request.url}`,
    ...Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`),
    ...(request.body === undefined ? [] : ['', request.body]),
  ].join('\n');
  const got = `${response.status} ${response.contentType ?? '(no content type)'}${response.body === '' ? '' : `\n\n${response.body}`}`;
  return `<article class="failure" data-check="${text(failure.check)}" data-status="${response.status}" data-suite="${text(suite)}">
<h3>${text(failure.check)}: ${text(failure.operation)}: ${text(failure.case)}</h3>
<dl><dt>suite</dt><dd>${text(suite)}</dd><dt>sent</dt><dd><pre class="sent">${text(sent)}</pre></dd><dt>got</dt><dd><pre class="got">${text(got)}</pre></dd>
<dt>wrong</dt><dd class="wrong">${text(failure.message)}</dd><dt>expected</dt><dd class="expected">${text(failure.expected)}</dd><dt>reproduce</dt><dd>${curlBlock(failure.curl)}</dd></dl>
</article>`;
}

function errorItem(error: ReportedError): string {
  return `<li><code>${text(error.operation)}</code>: ${text(error.case)}: ${text(error.kind)}: ${text(error.message)}${curlBlock(error.curl)}</li>`;
}

function failuresSection(reports: Report[]): string {
  const failures = reports.flatMap((r) => r.failures.map((failure) => ({ failure, suite: suiteName(r) })));
  if (failures.length === 0) return '<h2 id="failures">Failures</h2><p id="no-failures">None.</p>';
  const option = (value: string, label = value) => `<option value="${text(value)}">${text(label)}</option>`;
  const checks = [...new Set(failures.map(({ failure }) => failure.check))];
  const statuses = [...new Set(failures.map(({ failure }) => String(failure.response.status)))].sort();
  const filters = `<div class="filters"><label>Check<select id="filter-check">${option('', 'every check')}${checks.map((name) => option(name)).join('')}</select></label><label>Answer status<select id="filter-status">${option('', 'every status')}${statuses.map((status) => option(status)).join('')}</select></label></div>`;
  return `<h2 id="failures">Failures (<span id="shown">${failures.length}</span> of ${failures.length} shown)</h2>${filters}${failures.map(({ failure, suite }) => failureItem(failure, suite)).join('\n')}`;
}

function suiteSection(report: Report): string {
  const settings = [
    ...(report.seed === undefined ? [] : [`seed ${report.seed}`]),
    `clock skew ±${report.clockSkewMs / 1000} s`,
  ].join(', ');
  const facts =
    report.blocker !== undefined
      ? `<p class="verdict unverified">Could not verify: ${text(report.blocker)}</p>`
      : `<p>${report.cases} ${text(report.unit ?? 'cases')}, ${report.answered} answered; the run lasted ${(report.durationMs / 1000).toFixed(1)} s</p>`;
  const notes = (report.notes ?? []).map((note) => `<p class="muted note">${text(note)}</p>`).join('');
  const errors =
    report.errors.length === 0
      ? ''
      : `<h3>Errors of the run: requests that got no answer</h3><ul class="errors">${report.errors.map(errorItem).join('')}</ul>`;
  return `<section class="suite" data-suite="${text(suiteName(report))}"><h2>${text(report.suite)}</h2><p class="muted">${text(report.target)} against ${text(report.spec)} (${text(settings)})</p>${facts}${notes}${checksTable(report)}${errors}</section>`;
}

/**
 * The report as one self-contained HTML page (style and script inline, no request to anywhere):
 * the verdict first, each suite's checks, the coverage, then every failure with a copyable curl
 * line, filtered by check and by answer status. Rendered from the same `Report`s as the console.
 */
export function toHtml(reports: Report[], verdict: string, title: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(title)}</title><style>${STYLE}</style></head>
<body><h1>${text(title)}</h1><p id="verdict" class="verdict ${verdictClass(verdict)}">${text(verdict)}</p>
<p class="muted"><a href="#failures">Failures</a> · <a href="#coverage">Coverage</a></p>
${reports.map(suiteSection).join('\n')}
${coverageTable(reports)}
${failuresSection(reports)}
<script>${SCRIPT}</script></body></html>
`;
}
