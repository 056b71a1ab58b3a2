using System.Text;
using Microsoft.AspNetCore.Http;

namespace Comintech.Dsr.Staff;

/// <summary>
/// GET /staff: the compliance console. A static shell with no data in it. Where App Service Authentication is on it
/// offers Entra ID sign-in (<c>/.auth/login/aad</c>) and uses the signed-in principal (asked of <c>/api/staff/me</c>);
/// the API key (kept in sessionStorage) stays for local use. Every value from the API is rendered with textContent. Its
/// style and script are allowed by hash in the Content-Security-Policy header (<see cref="Http.SecurityHeaders"/>).
/// </summary>
public static class StaffConsolePage
{
    public const string EntraSignInPath = "/.auth/login/aad?post_login_redirect_uri=%2Fstaff";

    /// <param name="entraSignIn">Offer Entra ID sign-in (App Service Authentication is in front of the app).</param>
    public static IResult Page(bool entraSignIn) =>
        Results.Content(entraSignIn ? WithEntra : KeyOnly, "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status200OK);

    private static readonly string KeyOnly = Html.Replace("__ENTRA__", "hidden", StringComparison.Ordinal);

    private static readonly string WithEntra = Html.Replace(" __ENTRA__", "", StringComparison.Ordinal);

    private const string Html = $$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Privacy requests · Comintech staff</title>
        <style>{{Style}}</style>
        </head>
        <body>
        <header><h1>Privacy requests</h1><span id="who" class="muted"></span><button id="sign-out" type="button" hidden>Sign out</button></header>
        <div id="signin">
          <h2>Sign in</h2>
          <p id="entra-signin" __ENTRA__><a href="{{EntraSignInPath}}">Sign in with your Comintech account (Microsoft Entra ID)</a>; you need the role Dsr.Staff. Or:</p>
          <p>Enter the staff API key. The local engine keeps it in <code>.dsr/staff-api-key</code> (readable by its owner only).</p>
          <form id="signin-form"><label>API key<input id="key" type="password" autocomplete="off" required></label>
          <p><button id="sign-in" type="submit">Sign in</button></p><p id="signin-error" class="error" role="alert"></p></form>
        </div>
        <main id="console" hidden>
          <section aria-labelledby="list-title">
            <h2 id="list-title">Requests <span id="count" class="muted"></span></h2>
            <form class="filters" id="filters">
              <label>Status<select id="f-status"><option value="">any</option></select></label>
              <label>Type<select id="f-type"><option value="">any</option><option>access</option><option>correction</option><option>deletion</option></select></label>
              <label>Channel<select id="f-channel"><option value="">any</option><option>Web</option><option>Api</option><option>Email</option></select></label>
              <label>Due within days<input id="f-due" type="number" min="0" max="3650"></label>
              <label>Overdue only<input id="f-overdue" type="checkbox"></label>
              <label>Name, e-mail or id<input id="f-q" type="search" maxlength="200"></label>
              <button id="apply" type="submit">Filter</button>
              <button id="export" type="button">Export CSV</button>
            </form>
            <p class="muted">Deadline: <span class="due late">overdue</span> <span class="due soon">7 days or less</span> <span class="due ok">on track</span> <span class="due closed">closed</span>. Click a request for its timeline, stores, evidence and actions.</p>
            <p id="list-error" class="error" role="alert"></p>
            <table id="requests"><thead><tr><th>Due</th><th>Name</th><th>Type</th><th>Channel</th><th>Status</th><th>Progress</th><th>Received</th></tr></thead><tbody></tbody></table>
          </section>
          <section id="detail" aria-live="polite">
            <p id="detail-empty" class="muted">Select a request to see its timeline, stores and evidence.</p>
            <div id="detail-body" hidden>
              <h2 id="d-name"></h2>
              <dl id="d-facts"></dl>
              <div id="actions" hidden>
                <h3>Actions</h3>
                <label>Reason (sent to the person for a denial or an extension)<textarea id="reason" rows="3" maxlength="2000"></textarea></label>
                <p><button id="approve" type="button" hidden>Approve</button> <button id="deny" type="button" hidden>Deny</button> <button id="extend" type="button" hidden>Extend deadline</button> <button id="restart" type="button" hidden>Restart workflow</button></p>
                <div id="classify" hidden><p><label>This e-mail asks for <select id="classify-type"><option value="access">access</option><option value="deletion">deletion</option><option value="correction">correction</option><option value="optout">opt-out</option></select></label>
                  <span id="classify-guess" class="hint"></span></p>
                  <fieldset id="classify-corrections" hidden><legend>New values (read from the message: check them)</legend>
                    <label>Full name<input id="fix-fullName" maxlength="500" autocomplete="off"></label>
                    <label>Phone<input id="fix-phone" maxlength="500" autocomplete="off"></label>
                    <label>Postal address<input id="fix-postalAddress" maxlength="500" autocomplete="off"></label>
                    <label>E-mail<input id="fix-email" maxlength="500" autocomplete="off"></label></fieldset>
                  <p><button id="classify-button" type="button">Classify and start</button></p></div>
              </div>
              <details id="identity-bind" hidden><summary>Bind an account id after checking it</summary>
                <label>Account id<input id="bind-account" maxlength="64" autocomplete="off"></label>
                <label>Data points matched on record (audited)<textarea id="bind-reason" rows="2" maxlength="2000"></textarea></label>
                <p><button id="bind-button" type="button">Bind account</button></p></details>
              <p id="action-result" role="status"></p>
              <h3>Stores</h3><table id="d-stores"><thead><tr><th>Store</th><th>State</th><th>Found</th><th>Affected</th><th>Note</th></tr></thead><tbody></tbody></table>
              <h3>Evidence <span id="d-chain"></span></h3><table id="d-evidence"><thead><tr><th>#</th><th>Event</th><th>When</th><th>Actor</th><th>Details</th></tr></thead><tbody></tbody></table>
              <h3>Staff actions</h3><table id="d-audit"><thead><tr><th>When</th><th>Who</th><th>Action</th><th>Reason</th></tr></thead><tbody></tbody></table>
            </div>
          </section>
        </main>
        <script>{{StaffConsoleScript.Source}}</script>
        </body>
        </html>
        """;

    /// <summary>The console's one style block; the Content-Security-Policy allows it by its hash.</summary>
    internal const string Style = """
        body{font-family:system-ui,sans-serif;margin:0;color:#1b1b1b;background:#f6f7f9}
        header{background:#1f3a5f;color:#fff;padding:.6rem 1rem;display:flex;gap:1rem;align-items:center}
        header h1{font-size:1.1rem;margin:0;flex:1} main{padding:1rem;display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1rem}
        section{background:#fff;border:1px solid #d8dde3;border-radius:6px;padding:.8rem;overflow:auto}
        table{border-collapse:collapse;width:100%;font-size:.9rem} th,td{text-align:left;padding:.3rem .4rem;border-bottom:1px solid #eceff3;vertical-align:top}
        tbody tr{cursor:pointer} tbody tr:hover,tbody tr.selected{background:#eef4fb}
        .due{font-weight:600;border-radius:4px;padding:0 .35rem;white-space:nowrap} .ok{background:#dff3e4;color:#155724} .soon{background:#fff1c2;color:#6b4e00}
        .late{background:#f8d7da;color:#7a1620} .closed{background:#e9ecef;color:#495057}
        form.filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin-bottom:.6rem} label{font-size:.8rem;display:flex;flex-direction:column}
        input,select,textarea,button{font:inherit;padding:.3rem} button{cursor:pointer} textarea{width:100%;box-sizing:border-box}
        progress{width:6rem} .muted{color:#666;font-size:.85rem} [hidden]{display:none!important} .error{color:#8a1f11}
        .intact{color:#155724;font-weight:600} .broken{color:#8a1f11;font-weight:600} dl{display:grid;grid-template-columns:auto 1fr;gap:.2rem .8rem;margin:.4rem 0}
        dt{font-weight:600} code{font-size:.8rem;word-break:break-all} #d-evidence td:last-child{font-family:monospace;font-size:.75rem;word-break:break-all}
        #signin{max-width:28rem;margin:3rem auto;background:#fff;padding:1.5rem;border:1px solid #d8dde3;border-radius:6px} #f-due{width:6rem}
        """;
}
