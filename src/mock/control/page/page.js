// The control page: plain browser JavaScript, no framework, no build step. It talks only to the
// control surface of the mock that serves it (/__mock/...).
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const element = (tag, properties, ...children) => {
    const node = Object.assign(document.createElement(tag), properties);
    node.append(...children);
    return node;
  };
  const say = (text) => ($('message').textContent = text);

  async function call(method, path, body) {
    const response = await fetch(`/__mock${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = response.status === 204 ? undefined : await response.json();
    if (!response.ok) throw new Error(payload && payload.detail ? payload.detail : `${response.status}`);
    return payload;
  }

  /** The options every staged answer takes from the form. */
  function options() {
    const answer = {};
    if ($('times').value !== '') answer.times = Number($('times').value);
    if (Number($('delay').value) > 0) answer.delay = Number($('delay').value);
    if ($('force').checked) answer.force = true;
    return answer;
  }

  /** The answer the message line names, so that the line changes when it has been used up. */
  let announced;

  async function stage(chosen) {
    const answer = { ...chosen, ...options() };
    try {
      const { answers } = await call('POST', '/answers', answer);
      announced = { id: answers.at(-1).id, text: describe(answer) };
      say(`Staged: ${announced.text}`);
      await showStaged();
    } catch (error) {
      say(`Not staged: ${error.message}`);
    }
  }

  const describe = (answer) =>
    [
      answer.operation,
      answer.fault ? `fault ${answer.fault}` : answer.code,
      answer.example,
      answer.dynamic ? 'generated data' : '',
      answer.times ? `${answer.times}×` : 'until cleared',
      answer.delay ? `after ${answer.delay} ms` : '',
    ]
      .filter(Boolean)
      .join(' · ');

  async function showOperations() {
    const { operations } = await call('GET', '/operations');
    $('operations').replaceChildren(
      ...operations.map((operation) => {
        const buttons = operation.responses.flatMap((response) => {
          const code = Number(response.code);
          const named = response.examples.map((example) =>
            element('button', {
              type: 'button',
              textContent: `${response.code} ${example}`,
              onclick: () => stage({ operation: operation.operation, code, example }),
            }),
          );
          return named.length > 0
            ? named
            : [
                element('button', {
                  type: 'button',
                  textContent: response.code,
                  onclick: () => stage({ operation: operation.operation, code }),
                }),
              ];
        });
        const generated = element('button', {
          type: 'button',
          textContent: 'generated data',
          onclick: () => stage({ operation: operation.operation, dynamic: true }),
        });
        const faults = ['reset', 'empty', 'malformed', 'stall'].map((fault) =>
          element('button', {
            type: 'button',
            textContent: `fault: ${fault}`,
            onclick: () => stage({ operation: operation.operation, fault }),
          }),
        );
        return element(
          'div',
          { className: 'operation' },
          element('h3', { textContent: operation.name }),
          element('div', {}, ...buttons, generated),
          element('div', {}, ...faults),
        );
      }),
    );
  }

  async function showStaged() {
    const { answers } = await call('GET', '/answers');
    $('staged').replaceChildren(
      ...answers.map((answer) => element('li', { textContent: `${describe(answer)} (used ${answer.used})` })),
    );
    if (answers.length === 0)
      $('staged').replaceChildren(
        element('li', { className: 'muted', textContent: 'nothing staged: the mock answers as the spec says' }),
      );
    if (announced !== undefined && !answers.some((answer) => answer.id === announced.id)) {
      say(`Used: ${announced.text}`);
      announced = undefined;
    }
  }

  // Headers the browser adds on its own (the Fetch standard's forbidden names, client hints and the
  // like): the app did not send them, and a terminal need not.
  const BROWSER_HEADERS =
    /^(host|content-length|connection|keep-alive|accept-charset|accept-encoding|accept-language|access-control-request-.*|cookie|date|dnt|expect|origin|priority|referer|te|trailer|transfer-encoding|upgrade|upgrade-insecure-requests|user-agent|via|cache-control|pragma|sec-.*|proxy-.*)$/;

  /**
   * A curl line that sends the request again: only the headers the app sent, and each masked
   * credential read from a shell variable ($KAITEN_TOKEN, $KAITEN_TOKEN_2, ... as the proxy's reports say).
   */
  function curlOf(entry) {
    const quote = (text) => `'${String(text).replace(/'/g, `'\\''`)}'`;
    const query = new URLSearchParams(
      Object.entries(entry.query).flatMap(([name, value]) =>
        Array.isArray(value) ? value.map((v) => [name, v]) : [[name, value]],
      ),
    ).toString();
    const parts = ['curl -i', '-X', entry.method, quote(`${location.origin}${entry.path}${query ? `?${query}` : ''}`)];
    const variables = [];
    for (const [name, value] of Object.entries(entry.headers)) {
      if (BROWSER_HEADERS.test(name)) continue;
      const secret = /^(?:(\S+) )?\*\*\*$/.exec(value);
      if (secret === null) {
        parts.push('-H', quote(`${name}: ${value}`));
        continue;
      }
      const variable = variables.length === 0 ? 'KAITEN_TOKEN' : `KAITEN_TOKEN_${variables.length + 1}`;
      variables.push(variable);
      parts.push('-H', `"${name}: ${secret[1] ? `${secret[1]} ` : ''}$${variable}"`);
    }
    if (entry.body !== undefined)
      parts.push('--data-binary', quote(typeof entry.body === 'string' ? entry.body : JSON.stringify(entry.body)));
    return { command: parts.join(' '), variables };
  }

  /** The curl line with what to set first and a button that copies it. */
  function sendAgain(entry) {
    const { command, variables } = curlOf(entry);
    const copy = element('button', { type: 'button', className: 'copy', textContent: 'Copy' });
    copy.onclick = async () => {
      try {
        await navigator.clipboard.writeText(command);
        copy.textContent = 'Copied';
      } catch {
        copy.textContent = 'Select the line to copy it';
      }
    };
    const hint =
      variables.length === 0
        ? []
        : [
            element('p', {
              className: 'muted',
              textContent: `Credentials are masked in the journal: first ${variables.map((name) => `export ${name}=…`).join('; ')}`,
            }),
          ];
    return [
      element('h4', { textContent: 'Send it again' }),
      ...hint,
      element('pre', { className: 'curl', textContent: command }),
      copy,
    ];
  }

  function journalItem(entry) {
    const status = entry.answer.status;
    const summary = element(
      'summary',
      {},
      element('span', {
        className: `status-${String(status)[0]}`,
        textContent: status === 0 ? 'no answer' : String(status),
      }),
      ` ${entry.method} ${entry.path} · ${entry.reason}${entry.note ? ` (${entry.note})` : ''} · ${entry.durationMs} ms · ${entry.time.slice(11, 19)}`,
    );
    const parts = [
      element('h4', { textContent: 'Request' }),
      element('pre', {
        textContent: JSON.stringify({ headers: entry.headers, query: entry.query, body: entry.body }, null, 2),
      }),
      element('h4', { textContent: 'Answer' }),
      element('pre', { textContent: JSON.stringify(entry.answer, null, 2) }),
    ];
    if (entry.violations.length > 0)
      parts.push(
        element('h4', { textContent: 'What was wrong' }),
        element('pre', { textContent: JSON.stringify(entry.violations, null, 2) }),
      );
    parts.push(...sendAgain(entry));
    const item = element('li', {}, element('details', {}, summary, ...parts));
    Object.assign(item.dataset, { id: entry.id, reason: entry.reason, status });
    return item;
  }

  const prepend = (entry) => $('journal').prepend(journalItem(entry));

  async function showJournal() {
    const { requests } = await call('GET', '/requests?limit=200');
    $('journal').replaceChildren(...requests.reverse().map(journalItem));
  }

  function follow() {
    const source = new EventSource('/__mock/requests/stream');
    source.onmessage = (event) => {
      prepend(JSON.parse(event.data));
      void showStaged(); // a staged answer may have been used up
    };
    source.onerror = () => ($('live').textContent = '(reconnecting…)');
    source.onopen = () => ($('live').textContent = '(live)');
  }

  $('clear').onclick = async () => {
    await call('DELETE', '/answers');
    say('Cleared the staged answers.');
    await showStaged();
  };
  $('clear-journal').onclick = async () => {
    await call('DELETE', '/requests');
    await showJournal();
  };

  Promise.all([showOperations(), showStaged(), showJournal()])
    .then(follow)
    .then(() => document.body.setAttribute('data-ready', 'true'))
    .catch((error) => say(`The control surface did not answer: ${error.message}`));
})();
