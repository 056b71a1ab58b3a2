using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Comintech.Dsr.Http;

/// <summary>
/// GET /: the plain, accessible request form the website embeds. It works without script (the server answers a
/// form post with a page); with script it stays on the page, then takes the code and shows the request's status.
/// </summary>
public static class RequestFormPage
{
    public static IResult Form() => Html(StatusCodes.Status200OK, "Make a privacy request", FormBody);

    public static IResult Accepted(string requestId) => Html(
        StatusCodes.Status202Accepted,
        "Request received",
        $"""
        <p role="status">We have your request. Its reference is <code>{Encode(requestId)}</code>.</p>
        <p>We have e-mailed you a 6-digit code. <a href="/?request={Uri.EscapeDataString(requestId)}#verify">Enter the code</a> to confirm it is you.</p>
        """);

    public static IResult Invalid(Dictionary<string, List<string>> errors)
    {
        var items = new StringBuilder();
        foreach (var (field, messages) in errors.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            items.Append("<li><strong>").Append(Encode(field)).Append("</strong>: ").Append(Encode(string.Join(' ', messages))).Append("</li>");
        }

        return Html(
            StatusCodes.Status400BadRequest,
            "Please check your request",
            $"""<div role="alert"><p>Some fields need fixing:</p><ul>{items}</ul></div><p><a href="/">Back to the form</a></p>""");
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    private static IResult Html(int status, string title, string body) => Results.Content(
        $$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Encode(title)}} · Comintech</title>
        <style>{{Style}}</style>
        </head>
        <body><main><h1>{{Encode(title)}}</h1>{{body}}</main></body>
        </html>
        """,
        "text/html; charset=utf-8",
        Encoding.UTF8,
        status);

    private const string FormBody = $$"""
        <p>Ask to see, correct or delete the personal information Comintech holds about you. We will e-mail you a code to confirm it is you.</p>
        <form id="request-form" method="post" action="/api/requests">
          <label for="type">What do you want us to do?</label>
          <select id="type" name="type" required>
            <option value="access">Send me a copy of my data (access)</option>
            <option value="correction">Correct my data (correction)</option>
            <option value="deletion">Delete my data (deletion)</option>
            <option value="optout">Stop marketing e-mails (optout)</option>
            <option value="donotsell">Do not sell or share my personal information (California; no code needed)</option>
          </select>
          <label for="fullName">Full name</label>
          <input id="fullName" name="fullName" autocomplete="name" required maxlength="200">
          <label for="email">E-mail address <span class="hint">(we send the code here)</span></label>
          <input id="email" name="email" type="email" autocomplete="email" required maxlength="254">
          <label for="accountId">Account id <span class="hint">(optional)</span></label>
          <input id="accountId" name="accountId" maxlength="64">
          <label for="jurisdiction">Where do you live?</label>
          <select id="jurisdiction" name="jurisdiction">
            <option value="GDPR">European Economic Area or United Kingdom (GDPR)</option>
            <option value="CCPA">California (CCPA)</option>
          </select>
          <label for="language">Language for our replies</label>
          <select id="language" name="language"><option value="en">English</option><option value="es">Español</option><option value="pt">Português</option></select>
          <fieldset id="corrections" hidden>
            <legend>Corrections: the new values</legend>
            <label for="c-fullName">Full name</label><input id="c-fullName" name="corrections[fullName]" maxlength="500">
            <label for="c-phone">Phone</label><input id="c-phone" name="corrections[phone]" maxlength="500">
            <label for="c-postalAddress">Postal address</label><input id="c-postalAddress" name="corrections[postalAddress]" maxlength="500">
          </fieldset>
          <label for="details">Anything else we should know? <span class="hint">(optional)</span></label>
          <textarea id="details" name="details" rows="3" maxlength="4000"></textarea>
          <input type="hidden" id="identityToken" name="identityToken">
          <button type="submit">Send request</button>
        </form>
        <section id="verify" hidden aria-labelledby="verify-title">
          <h2 id="verify-title">Confirm it is you</h2>
          <p>Enter the 6-digit code we e-mailed you. Reference: <code id="reference"></code></p>
          <form id="verify-form">
            <label for="code">Code</label>
            <input id="code" name="code" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code" required>
            <button type="submit">Confirm</button>
            <button type="button" id="resend">Send me a new code</button>
          </form>
        </section>
        <div id="outcome" role="status" aria-live="polite"></div>
        <script>{{Script}}</script>
        """;

    /// <summary>The page's one style block; the Content-Security-Policy allows it by its hash.</summary>
    internal const string Style = """
        body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
        label{display:block;margin-top:1rem;font-weight:600} input,select,textarea{width:100%;padding:.5rem;font:inherit;box-sizing:border-box}
        button{margin-top:1rem;padding:.6rem 1.2rem;font:inherit;cursor:pointer} fieldset{margin-top:1rem}
        .hint{font-weight:400;color:#555;font-size:.9rem} [role=alert]{color:#8a1f11} [hidden]{display:none}
        """;

    /// <summary>The form's script (it stays on the page, takes the code, shows the status); allowed by its hash.</summary>
    internal const string Script = """
        (() => {
          const $ = id => document.getElementById(id);
          const show = (text, isError) => { const o = $('outcome'); o.textContent = text; o.setAttribute('role', isError ? 'alert' : 'status'); };
          const problem = async r => { try { const p = await r.json(); const fields = p.errors ? ' ' + Object.entries(p.errors).map(([k, v]) => k + ': ' + v.join(' ')).join('; ') : ''; return (p.detail || p.title || 'Something went wrong.') + fields; } catch { return 'Something went wrong (HTTP ' + r.status + ').'; } };
          let requestId = new URLSearchParams(location.search).get('request');
          const openVerify = () => { $('verify').hidden = false; $('reference').textContent = requestId; $('request-form').hidden = true; };
          const refresh = async () => { const r = await fetch('/api/requests/' + encodeURIComponent(requestId)); if (r.ok) { const s = await r.json(); show('Status: ' + s.status + ' (stage: ' + s.stage + '). Due by ' + s.dueAt.substring(0, 10) + '.'); } };
          $('type').addEventListener('change', e => { $('corrections').hidden = e.target.value !== 'correction'; });
          $('request-form').addEventListener('submit', async e => {
            e.preventDefault();
            const r = await fetch('/api/requests', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' }, body: new URLSearchParams(new FormData(e.target)) });
            if (r.status !== 202) { show(await problem(r), true); return; }
            requestId = (await r.json()).requestId; history.replaceState(null, '', '/?request=' + encodeURIComponent(requestId)); openVerify();
            show('We have your request. Check your e-mail for the code.');
          });
          $('verify-form').addEventListener('submit', async e => {
            e.preventDefault();
            const r = await fetch('/api/requests/' + encodeURIComponent(requestId) + '/verify', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: $('code').value.trim() }) });
            if (!r.ok) { show(await problem(r), true); return; }
            $('verify').hidden = true; show('Thank you, you are verified. We are working on your request.'); setTimeout(refresh, 1500);
          });
          $('resend').addEventListener('click', async () => {
            const r = await fetch('/api/requests/' + encodeURIComponent(requestId) + '/resend', { method: 'POST' });
            show(r.ok ? 'A new code is on its way.' : await problem(r), !r.ok);
          });
          const identityToken = new URLSearchParams(location.search).get('identityToken');
          $('identityToken').value = identityToken || '';
          if (requestId && identityToken) {
            fetch('/api/requests/' + encodeURIComponent(requestId) + '/identity', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ identityToken }) })
              .then(async r => show(r.ok ? 'Your account is now linked to this request.' : await problem(r), !r.ok));
          }
          if (requestId) { openVerify(); refresh(); }
        })();
        """;
}
