(() => {
  'use strict';
  const KEY = 'dsr-staff-key';
  const $ = id => document.getElementById(id);
  let selected = null;
  let lists = { types: [], channels: [], statuses: [], finalStatuses: [], correctionFields: [] };

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }
  const day = iso => iso ? String(iso).slice(0, 10) : '';
  const when = iso => iso ? String(iso).replace('T', ' ').slice(0, 19) : '';

  async function api(path, options = {}) {
    const headers = Object.assign({ 'X-Api-Key': sessionStorage.getItem(KEY) || '' }, options.headers || {});
    const response = await fetch(path, Object.assign({}, options, { headers }));
    if (response.status === 401) { signOut('Your key was not accepted. Sign in again.'); throw new Error('unauthorised'); }
    if (!response.ok) {
      let detail = response.statusText;
      try { const problem = await response.json(); detail = problem.detail || problem.title || detail; } catch { /* not JSON */ }
      throw new Error(detail);
    }
    return response;
  }

  function signOut(message) {
    sessionStorage.removeItem(KEY);
    $('console').hidden = true; $('sign-out').hidden = true; $('signin').hidden = false;
    $('signin-error').textContent = message || '';
  }

  function dueBadge(r) {
    if (lists.finalStatuses.includes(r.status)) return el('span', 'closed', 'due closed');
    const text = r.overdue ? `${-r.daysLeft} d overdue` : `${r.daysLeft} d left`;
    return el('span', text, 'due ' + (r.overdue ? 'late' : r.daysLeft <= 7 ? 'soon' : 'ok'));
  }

  function query() {
    const q = new URLSearchParams();
    const put = (name, value) => { if (value) q.set(name, value); };
    put('status', $('f-status').value); put('type', $('f-type').value); put('channel', $('f-channel').value);
    put('dueWithinDays', $('f-due').value); put('q', $('f-q').value.trim());
    if ($('f-overdue').checked) q.set('overdue', 'true');
    return q.toString();
  }

  async function loadList() {
    $('list-error').textContent = '';
    try {
      const data = await (await api('/api/staff/requests?' + query())).json();
      $('count').textContent = data.truncated ? `(first ${data.pageSize} of ${data.total})` : `(${data.total})`;
      const body = $('requests').tBodies[0];
      body.replaceChildren(...data.requests.map(r => {
        const row = el('tr'); row.dataset.id = r.requestId;
        if (r.requestId === selected) row.className = 'selected';
        const due = el('td'); due.append(dueBadge(r), el('div', day(r.dueAt), 'muted'));
        const name = el('td'); name.append(el('div', r.fullName), el('div', r.email, 'muted'));
        const bar = el('progress'); bar.max = 100; bar.value = r.progressPercent; bar.title = r.progressPercent + '%';
        const progress = el('td'); progress.append(bar);
        row.append(due, name, el('td', r.type), el('td', r.channel), el('td', r.status + (r.extended ? ' (extended)' : '')), progress, el('td', day(r.receivedAt)));
        row.addEventListener('click', () => loadDetail(r.requestId));
        return row;
      }));
    } catch (e) { if (e.message !== 'unauthorised') $('list-error').textContent = e.message; }
  }

  function fillTable(id, rows) {
    $(id).tBodies[0].replaceChildren(...rows.map(cells => { const tr = el('tr'); cells.forEach(c => tr.append(el('td', c))); return tr; }));
  }

  async function loadDetail(id) {
    if (id !== selected) $('action-result').textContent = '';
    selected = id;
    document.querySelectorAll('#requests tbody tr').forEach(tr => tr.classList.toggle('selected', tr.dataset.id === id));
    const d = await (await api('/api/staff/requests/' + encodeURIComponent(id))).json();
    const s = d.summary, dl = d.deadline;
    $('detail-empty').hidden = true; $('detail-body').hidden = false;
    $('d-name').textContent = s.fullName;
    const facts = [
      ['Request id', s.requestId], ['E-mail', s.email], ['Account id', d.accountId || '—'], ['Type', s.type],
      ['Jurisdiction', s.jurisdiction], ['Channel', s.channel], ['Status', s.status], ['Stage', d.stage],
      ['Received', when(s.receivedAt)], ['Due', `${when(dl.dueAt)} (${dl.overdue ? -dl.daysLeft + ' days overdue' : dl.daysLeft + ' days left'})`],
    ];
    if (dl.acknowledgeBy) facts.push(['Acknowledge by', when(dl.acknowledgeBy)]);
    if (dl.extendedAt) facts.push(['Extended', `${when(dl.extendedAt)}: ${dl.extensionReason}`]);
    if (dl.identityWaitDays !== null) facts.push(['Waited on identity', `${dl.identityWaitDays} days (policy: ${dl.identityWaitPolicy})`]);
    if (d.denialReason) facts.push(['Denial reason', d.denialReason]);
    const idv = d.identity;
    facts.push(['Verification tier', idv.tier ? `${idv.tier}${idv.boundBy ? ' (account bound by ' + idv.boundBy + ')' : ''}` : 'not resolved yet']);
    if (idv.boundAccountId) facts.push(['Bound account', idv.boundAccountId]);
    if (idv.unboundAccountId) facts.push(['Unbound account id', `${idv.unboundAccountId} (${idv.unboundReason}; not searched)`]);
    $('identity-bind').hidden = !idv.canBind;
    if (d.details) facts.push(['Details', d.details]);
    Object.entries(d.corrections || {}).forEach(([k, v]) => facts.push(['Correct ' + k, v]));
    $('d-facts').replaceChildren(...facts.flatMap(([k, v]) => [el('dt', k), el('dd', v)]));
    $('actions').hidden = d.actions.length === 0;
    ['approve', 'deny', 'extend', 'classify', 'restart'].forEach(a => { $(a).hidden = !d.actions.includes(a); });
    if (d.actions.includes('classify')) showTriage(d);
    if (dl.extendedDueAt) $('extend').textContent = 'Extend deadline to ' + day(dl.extendedDueAt);
    fillTable('d-stores', d.stores.map(x => [x.storeId, x.state, x.recordsFound, x.recordsAffected, x.note || '']));
    [...$('d-stores').tBodies[0].rows].forEach((tr, i) => {
      const storeId = d.stores[i].storeId;
      if (!d.rerunnableStores.includes(storeId)) return;
      const button = el('button', 'Re-run'); button.type = 'button'; button.className = 'rerun';
      button.addEventListener('click', () => act('stores/' + encodeURIComponent(storeId) + '/rerun', 'Re-run started.'));
      const cell = el('td'); cell.append(button); tr.append(cell);
    });
    // A store waiting on staff (a manual step) is marked done with a note of what was done (kept with the step).
    [...$('d-stores').tBodies[0].rows].forEach((tr, i) => {
      const storeId = d.stores[i].storeId;
      if (d.stores[i].state !== 'Waiting') return;
      const button = el('button', 'Mark done'); button.type = 'button'; button.className = 'mark-done';
      button.addEventListener('click', () => {
        const note = (prompt('What was done? (kept with the step; not sent to the person)') || '').trim();
        if (note) act('stores/' + encodeURIComponent(storeId) + '/done', 'Marked done.', { note });
      });
      const cell = el('td'); cell.append(button); tr.append(cell);
    });
    await showReview(d);
    // Each link as a sentence; its event type and raw JSON stay in the row for auditors (shown by the toggle).
    $('d-evidence').tBodies[0].replaceChildren(...d.evidence.map(e => {
      const tr = el('tr');
      tr.append(el('td', e.sequence), el('td', when(e.occurredAt)), el('td', e.sentence), el('td', e.actor), el('td', e.eventType, 'raw'), el('td', e.details, 'raw'));
      return tr;
    }));
    const final = lists.finalStatuses.includes(s.status);
    $('download-certificate').hidden = $('download-certificate-json').hidden = !(final && s.type === 'deletion');
    $('download-package').hidden = !(final && s.type === 'access');
    $('downloads').hidden = $('download-certificate').hidden && $('download-package').hidden;
    fillTable('d-audit', d.audit.map(a => [when(a.at), a.actor, a.action, a.reason || '']));
    const chain = $('d-chain');
    chain.textContent = d.chain.isIntact ? `chain intact (${d.chain.length} links)` : `chain BROKEN at ${d.chain.firstBrokenSequence}: ${d.chain.problem}`;
    chain.className = d.chain.isIntact ? 'intact' : 'broken';
  }

  // An access package held for review: every item that goes out, each with a button to withhold it (Art. 15(4)).
  async function showReview(d) {
    $('review').hidden = d.stage !== 'AwaitingReview';
    if ($('review').hidden) return;
    let review;
    try { review = await (await api(`/api/staff/requests/${encodeURIComponent(d.summary.requestId)}/review`)).json(); } catch { $('review').hidden = true; return; }
    $('review-stores').replaceChildren(...review.stores.filter(s => s.items.length > 0).map(store => {
      const section = el('section'); section.append(el('h4', `${store.storeName} (${store.items.length})`));
      const list = el('ul');
      store.items.forEach(item => {
        const li = el('li'); li.append(el('code', JSON.stringify(item.record)));
        if (item.removedReason) li.append(el('span', ` withheld: ${item.removedReason}`, 'muted'));
        else {
          const button = el('button', 'Withhold'); button.type = 'button';
          button.addEventListener('click', () => act('review/remove', 'Item withheld.', { storeId: store.storeId, item: item.key, reason: $('review-reason').value.trim() }));
          li.append(' ', button);
        }
        list.append(li);
      });
      section.append(list); return section;
    }));
  }

  // The correctable fields of the data map, and any other field the inbox read from the message.
  let fixFields = [];
  const fieldLabel = name => name.replace(/([A-Z])/g, ' $1').replace(/^./, c => c.toUpperCase());
  function showTriage(d) {
    const guess = (d.suggestedClassification || '').replace('opt-out', 'optout');
    if ([...$('classify-type').options].some(o => o.value === guess)) $('classify-type').value = guess;
    $('classify-guess').textContent = d.suggestedClassification ? `(the inbox read it as: ${d.suggestedClassification})` : '';
    const read = d.corrections || {};
    fixFields = [...new Set([...lists.correctionFields, ...Object.keys(read)])];
    $('fix-fields').replaceChildren(...fixFields.map(f => {
      const label = el('label', fieldLabel(f)), input = el('input');
      input.id = 'fix-' + f; input.maxLength = 500; input.autocomplete = 'off'; input.value = read[f] || '';
      label.append(input); return label;
    }));
    $('classify-corrections').hidden = $('classify-type').value !== 'correction';
  }
  function classifyBody() {
    const type = $('classify-type').value;
    if (type !== 'correction') return { type };
    return { type, corrections: Object.fromEntries(fixFields.map(f => [f, $('fix-' + f).value.trim()]).filter(([, v]) => v)) };
  }

  // The lists the server knows (types, channels, statuses, correctable fields): nothing here repeats them.
  async function loadLists() {
    lists = await (await fetch('/api/lists')).json();
    const options = (id, values) => $(id).append(...values.map(v => new Option(v, v)));
    options('f-status', lists.statuses); options('f-type', lists.types); options('f-channel', lists.channels);
    options('classify-type', lists.types);
  }

  async function act(action, done, body) {
    const reason = $('reason').value.trim();
    $('action-result').textContent = '';
    try {
      await api(`/api/staff/requests/${encodeURIComponent(selected)}/${action}`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body || (reason ? { reason } : {})),
      });
      $('action-result').textContent = done || { approve: 'Approved.', deny: 'Denied; the person has been told why.', extend: 'Deadline extended; the person has been told why.', restart: 'Workflow restarted.' }[action];
      $('reason').value = '';
      await loadDetail(selected); await loadList(); await loadTodo();
    } catch (e) { if (e.message !== 'unauthorised') $('action-result').textContent = 'Not done: ' + e.message; }
  }

  // A file from the staff API (it needs the key header, so no plain link): saved under the name the server gives.
  async function download(path, errorTarget) {
    try {
      const response = await api(path);
      const name = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') || '');
      const link = el('a'); link.href = URL.createObjectURL(await response.blob());
      link.download = name ? name[1] : 'download';
      document.body.append(link); link.click(); link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    } catch (e) { if (e.message !== 'unauthorised') $(errorTarget).textContent = 'Not available: ' + e.message; }
  }

  // What needs a person today: each item opens its request.
  async function loadTodo() {
    $('todo-error').textContent = '';
    try {
      const data = await (await api('/api/staff/todo')).json();
      $('todo-count').textContent = `(${data.items.length})`;
      $('todo-summary').textContent = data.items.length === 0 ? 'Nothing needs a person today.'
        : Object.entries(data.counts).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${TODO_KINDS[k] || k}`).join(' · ');
      $('todo-list').replaceChildren(...data.items.map(item => {
        const li = el('li'); li.dataset.id = item.requestId; li.dataset.kind = item.kind; li.tabIndex = 0;
        li.append(el('span', TODO_KINDS[item.kind] || item.kind, 'kind'), el('span', item.title), el('div', `${item.fullName} · ${item.type} · ` +
          (item.overdue ? `${-item.daysLeft} d overdue` : `${item.daysLeft} d left`), 'muted'));
        li.addEventListener('click', () => loadDetail(item.requestId));
        li.addEventListener('keydown', e => { if (e.key === 'Enter') loadDetail(item.requestId); });
        return li;
      }));
    } catch (e) { if (e.message !== 'unauthorised') $('todo-error').textContent = e.message; }
  }
  const TODO_KINDS = { triage: 'triage', approval: 'approval', review: 'package review', 'manual-step': 'manual step',
    'partner-late': 'late partner', 'client-escalated': 'Client escalated', deadline: 'deadline' };

  let signedInWith = 'api-key';

  // Asks the app who this is: the Entra ID principal App Service Authentication passes on, or the stored key.
  async function start() {
    const key = sessionStorage.getItem(KEY);
    let me = null;
    try {
      const response = await fetch('/api/staff/me', { headers: { 'X-Api-Key': key || '' } });
      if (response.ok) me = await response.json();
    } catch { /* offline: stay on the sign-in panel */ }
    if (!me) { if (key) signOut('Your key was not accepted. Sign in again.'); return; }
    signedInWith = me.method;
    if ($('classify-type').options.length === 0) await loadLists();
    $('signin').hidden = true; $('console').hidden = false; $('sign-out').hidden = false;
    $('who').textContent = me.method === 'entra-id' ? `Signed in as ${me.name}` : 'Signed in with the staff key';
    await Promise.all([loadTodo(), loadList()]);
  }

  $('signin-form').addEventListener('submit', e => { e.preventDefault(); sessionStorage.setItem(KEY, $('key').value.trim()); $('key').value = ''; start(); });
  $('sign-out').addEventListener('click', () => signedInWith === 'entra-id'
    ? location.assign('/.auth/logout?post_logout_redirect_uri=' + encodeURIComponent('/staff'))
    : signOut());
  $('filters').addEventListener('submit', e => { e.preventDefault(); loadList(); });
  $('export').addEventListener('click', () => download('/api/staff/export', 'list-error'));
  const requestFile = suffix => download(`/api/staff/requests/${encodeURIComponent(selected)}/${suffix}`, 'action-result');
  $('download-certificate').addEventListener('click', () => requestFile('certificate?format=html'));
  $('download-certificate-json').addEventListener('click', () => requestFile('certificate?format=json'));
  $('download-package').addEventListener('click', () => requestFile('package'));
  $('raw-toggle').addEventListener('change', () => $('d-evidence').classList.toggle('show-raw', $('raw-toggle').checked));
  ['approve', 'deny', 'extend', 'restart'].forEach(a => $(a).addEventListener('click', () => act(a)));
  $('bind-button').addEventListener('click', () => act('identity/bind', 'Account bound; the stores found by account run for it.',
    { accountId: $('bind-account').value.trim(), reason: $('bind-reason').value.trim() }));
  $('review-release').addEventListener('click', () => act('review/release', 'Released: the person gets the link.', {}));
  $('classify-type').addEventListener('change', () => { $('classify-corrections').hidden = $('classify-type').value !== 'correction'; });
  $('classify-button').addEventListener('click', () => act('classify', 'Classified; the person gets the code to confirm it is them.', classifyBody()));
  start();
})();
