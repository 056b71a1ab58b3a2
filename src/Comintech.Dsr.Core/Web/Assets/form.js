(() => {
  'use strict';
  const $ = id => document.getElementById(id);
  const texts = JSON.parse($('page').dataset.texts);
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
  const show = (text, isError) => { const o = $('outcome'); o.textContent = text; o.setAttribute('role', isError ? 'alert' : 'status'); };
  const problem = async r => {
    try {
      const p = await r.json();
      const fields = p.errors ? ' ' + Object.entries(p.errors).map(([k, v]) => k + ': ' + v.join(' ')).join('; ') : '';
      return (p.detail || p.title || texts.error) + fields;
    } catch { return fill(texts.httpError, { status: r.status }); }
  };
  const query = new URLSearchParams(location.search);
  let requestId = query.get('request');
  const openVerify = () => { $('verify').hidden = false; $('reference').textContent = requestId; $('request-form').hidden = true; };
  const refresh = async () => {
    const r = await fetch('/api/requests/' + encodeURIComponent(requestId));
    if (r.ok) { const s = await r.json(); show(fill(texts.status, { status: s.status, stage: s.stage, due: s.dueAt.substring(0, 10) })); }
  };
  $('type').addEventListener('change', e => { $('corrections').hidden = e.target.value !== 'correction'; });
  $('request-form').addEventListener('submit', async e => {
    e.preventDefault();
    const r = await fetch('/api/requests', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' }, body: new URLSearchParams(new FormData(e.target)) });
    if (r.status !== 202) { show(await problem(r), true); return; }
    requestId = (await r.json()).requestId;
    query.set('request', requestId); history.replaceState(null, '', '/?' + query.toString()); openVerify();
    show(texts.received);
  });
  $('verify-form').addEventListener('submit', async e => {
    e.preventDefault();
    const r = await fetch('/api/requests/' + encodeURIComponent(requestId) + '/verify', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: $('code').value.trim() }) });
    if (!r.ok) { show(await problem(r), true); return; }
    $('verify').hidden = true; show(texts.verified); setTimeout(refresh, 1500);
  });
  $('resend').addEventListener('click', async () => {
    const r = await fetch('/api/requests/' + encodeURIComponent(requestId) + '/resend', { method: 'POST' });
    show(r.ok ? texts.resent : await problem(r), !r.ok);
  });
  const identityToken = query.get('identityToken');
  $('identityToken').value = identityToken || '';
  if (requestId && identityToken) {
    fetch('/api/requests/' + encodeURIComponent(requestId) + '/identity', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ identityToken }) })
      .then(async r => show(r.ok ? texts.linked : await problem(r), !r.ok));
  }
  document.querySelectorAll('nav.languages a').forEach(a => {
    const target = new URLSearchParams(query); target.set('lang', new URL(a.href).searchParams.get('lang')); a.href = '/?' + target.toString();
  });
  if (requestId) { openVerify(); refresh(); }
})();
