// The HTML report's own style and script, inlined into the one file it is (no CDN: it opens from
// file:// on a CI artifact page or a laptop without network).

export const STYLE = `
:root { --fg: #1d2330; --muted: #5d6677; --line: #d7dbe3; --bad: #b3261e; --good: #1e7a3c; --warn: #8a5a00; font: 15px/1.45 system-ui, sans-serif; color: var(--fg); }
body { margin: 0 auto; max-width: 1200px; padding: 0 16px 48px; }
h1 { font-size: 1.4rem; margin: 16px 0 4px; }
h2 { font-size: 1.15rem; border-bottom: 1px solid var(--line); padding-bottom: 4px; margin-top: 28px; }
h3 { font-size: 1rem; margin: 0 0 6px; font-family: ui-monospace, monospace; }
.verdict { font-weight: 600; padding: 8px 12px; border-radius: 6px; border: 1px solid var(--line); }
.verdict.failed { color: var(--bad); border-color: var(--bad); } .verdict.passed { color: var(--good); border-color: var(--good); } .verdict.unverified { color: var(--warn); border-color: var(--warn); }
.muted { color: var(--muted); }
table { border-collapse: collapse; margin: 8px 0; font-size: 0.92rem; }
th, td { text-align: left; padding: 3px 10px 3px 0; border-bottom: 1px solid var(--line); vertical-align: top; }
table.checks td:nth-child(4), table.checks td:nth-child(5) { white-space: nowrap; }
td.failed, span.failed { color: var(--bad); font-weight: 600; } td.passed { color: var(--good); } td.not-checked { color: var(--muted); }
.filters { display: flex; gap: 16px; flex-wrap: wrap; margin: 8px 0 12px; }
.filters label { display: flex; flex-direction: column; font-size: 0.85rem; color: var(--muted); }
select, button { font: inherit; }
.failure { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; margin: 10px 0; }
.failure[hidden] { display: none; }
dl { display: grid; grid-template-columns: 7em 1fr; gap: 4px 10px; margin: 0; }
dt { color: var(--muted); } dd { margin: 0; min-width: 0; }
pre { white-space: pre-wrap; word-break: break-all; background: #f6f7fa; padding: 6px; border-radius: 6px; font-size: 0.85rem; margin: 0; }
button.copy { margin-top: 4px; padding: 2px 10px; border: 1px solid var(--line); border-radius: 6px; background: #f6f7fa; cursor: pointer; }
`;

/** Filters by check and by answer status, and the copy buttons; nothing else runs. */
export const SCRIPT = `
(function () {
  var check = document.getElementById('filter-check');
  var status = document.getElementById('filter-status');
  function apply() {
    var shown = 0;
    document.querySelectorAll('.failure').forEach(function (item) {
      var visible = (check.value === '' || item.dataset.check === check.value) && (status.value === '' || item.dataset.status === status.value);
      item.hidden = !visible;
      if (visible) shown++;
    });
    document.getElementById('shown').textContent = String(shown);
  }
  if (check && status) { check.onchange = apply; status.onchange = apply; apply(); }
  document.querySelectorAll('button.copy').forEach(function (button) {
    button.onclick = function () {
      var text = button.previousElementSibling.textContent;
      var done = function () { button.textContent = 'Copied'; };
      if (navigator.clipboard) navigator.clipboard.writeText(text).then(done, function () { button.textContent = 'Select the line to copy it'; });
    };
  });
})();
`;
