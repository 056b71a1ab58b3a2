using Comintech.Dsr.Connectors.Backups;
using Comintech.Dsr.Connectors.Partners;
using Comintech.Dsr.Connectors.ProcessorRouting;
using Comintech.Dsr.Connectors.Waiting;
using Comintech.Dsr.Fulfilment.Access;
using Comintech.Dsr.Identity;
using Comintech.Dsr.Intake;
using Comintech.Dsr.Recipients;
using Comintech.Dsr.Smoke;
using Comintech.Dsr.Staff;
using Comintech.Dsr.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace Comintech.Dsr.Http;

/// <summary>Who may call a route; it follows from the path (see <see cref="DsrRoute.Access"/>).</summary>
public enum RouteAccess
{
    /// <summary>Anyone: the form, the pages' files, the person's own request (by its unguessable id).</summary>
    Public,

    /// <summary>Staff credentials (<see cref="StaffAuthenticator"/>): every route under <c>/api/staff/</c>.</summary>
    Staff,

    /// <summary>A partner's or a Client's HMAC signature, or its signed link.</summary>
    Partner,

    /// <summary>The smoke test's key.</summary>
    Smoke,

    /// <summary>The SendGrid webhook's key.</summary>
    Inbox,
}

/// <summary>One HTTP route of the app: what the local engine maps, what the Functions app binds (<see cref="FunctionName"/>), what the OpenAPI description lists.</summary>
/// <param name="FunctionName">The Functions app's function for it; null for a route only the local engine serves.</param>
public sealed record DsrRoute(string Method, string Pattern, string? FunctionName, string Summary, Delegate Handler)
{
    public const string StaffApiPrefix = "/api/staff";

    public RouteAccess Access => Pattern switch
    {
        _ when IsStaffApi(Pattern) => RouteAccess.Staff,
        _ when Pattern.StartsWith("/api/partners/", StringComparison.Ordinal) || Pattern.StartsWith("/api/clients/", StringComparison.Ordinal) => RouteAccess.Partner,
        _ when Pattern.StartsWith("/api/smoke/", StringComparison.Ordinal) => RouteAccess.Smoke,
        _ when Pattern.StartsWith("/api/inbound/", StringComparison.Ordinal) => RouteAccess.Inbox,
        _ => RouteAccess.Public,
    };

    /// <summary>The route as the Functions host spells it: no leading slash, and the root as an optional empty parameter.</summary>
    public string FunctionRoute => Pattern == "/" ? "{ignored:maxlength(0)?}" : Pattern.TrimStart('/');

    /// <summary>Every path under <c>/api/staff</c> needs staff credentials, on both hosts, before any handler runs.</summary>
    public static bool IsStaffApi(PathString path) => path.StartsWithSegments(StaffApiPrefix, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The one list of the app's HTTP routes. The local engine maps it; the Functions app's trigger classes are checked against it by a test.</summary>
public static class DsrRoutes
{
    public static IReadOnlyList<DsrRoute> All { get; } =
    [
        new("GET", "/", "RequestFormFunction", "The request form (English, Spanish, Portuguese).",
            (HttpRequest http, UiLists lists) => RequestFormPage.Form(http, lists)),
        new("GET", WebAssets.Route, "UiAssetFunction", "A stylesheet or script of the pages.", (string name) => WebAssets.Serve(name)),
        new("GET", "/api/lists", "UiListsFunction", "Request types, jurisdictions, languages, channels, statuses, correctable fields.",
            (UiLists lists) => lists.Get()),
        new("GET", "/healthz", null, "The local engine is up.", () => Results.Ok(new { status = "ok" })),
        new("GET", OpenApiDescription.Route, "OpenApiFunction", "This API's OpenAPI 3.1 description, made from the route table.",
            () => OpenApiDescription.Serve()),

        new("POST", "/api/requests", "SubmitRequestFunction", "Submit a request (JSON or the form's fields).",
            (HttpRequest http, RequestHttpHandlers handlers, DurableTaskClient client) => handlers.SubmitAsync(http, client)),
        new("GET", "/api/requests/{id}", "GetRequestStatusFunction", "A request's status, stage, dates and per-store progress.",
            (string id, RequestHttpHandlers handlers, DurableTaskClient client, CancellationToken ct) => handlers.StatusAsync(id, client, ct)),
        new("GET", "/api/requests/{id}/recipients", "RecipientListFunction", "The recipients the person's data was disclosed to (GDPR Art. 19).",
            (string id, RecipientListHandler handler, CancellationToken ct) => handler.ListAsync(id, ct)),
        new("POST", "/api/requests/{id}/verify", "VerifyIdentityFunction", "Confirm the request with the e-mailed code.",
            (string id, HttpRequest http, RequestHttpHandlers handlers, DurableTaskClient client) => handlers.VerifyAsync(http, id, client)),
        new("GET", "/api/requests/{id}/package", "AccessPackageFunction", "The access package behind the signed link.",
            (string id, HttpRequest http, AccessPackageHttpHandlers handlers) => handlers.DownloadAsync(http, id)),
        new("POST", "/api/requests/{id}/identity", "IdentityLinkFunction", "Present a control-panel link: binds the account at tier 2.",
            (string id, HttpRequest http, IdentityHttpHandlers handlers, DurableTaskClient client) => handlers.PresentLinkAsync(http, id, client)),
        new("POST", "/api/requests/{id}/resend", "ResendCodeFunction", "Send a new code.",
            (string id, RequestHttpHandlers handlers, DurableTaskClient client, CancellationToken ct) => handlers.ResendAsync(id, client, ct)),

        new("POST", "/api/partners/{partnerId}/confirmations", "PartnerConfirmationFunction", "A partner confirms its part (HMAC-signed).",
            (string partnerId, HttpRequest http, WaitingStoreHttpHandlers handlers, DurableTaskClient client) => handlers.PartnerConfirmationAsync(http, partnerId, client)),
        new("GET", "/api/partners/{partnerId}/confirmations/link", "PartnerLinkFormFunction", "The page behind a partner's signed link.",
            (string partnerId, HttpRequest http, PartnerLinkHttpHandlers handlers) => handlers.Form(http, partnerId)),
        new("POST", "/api/partners/{partnerId}/confirmations/link", "PartnerLinkConfirmFunction", "The signed link's form post: confirms.",
            (string partnerId, HttpRequest http, PartnerLinkHttpHandlers handlers, DurableTaskClient client) => handlers.ConfirmAsync(http, partnerId, client)),
        new("POST", "/api/clients/{clientId}/answers", "ClientAnswer", "A Client answers a forwarded request (signed).",
            (string clientId, HttpRequest http, ClientAnswerHttpHandlers handlers) => handlers.AnswerAsync(http, clientId)),
        new("GET", "/api/clients/{clientId}/answers/link", "ClientAnswerForm", "The page behind a Client's signed link.",
            (string clientId, HttpRequest http, ClientAnswerHttpHandlers handlers) => handlers.FormAsync(http, clientId)),
        new("POST", "/api/clients/{clientId}/answers/link", "ClientAnswerFormPost", "The Client's signed link's form post.",
            (string clientId, HttpRequest http, ClientAnswerHttpHandlers handlers) => handlers.FormAnswerAsync(http, clientId)),
        new("POST", "/api/inbound/sendgrid", "SendGridInboundFunction", "SendGrid Inbound Parse webhook for the privacy inbox.",
            (HttpRequest http, InboundMailHttpHandlers handlers, DurableTaskClient client) => handlers.SendGridAsync(http, client)),
        new("POST", "/api/smoke/requests", "StartSmokeRequestFunction", "Start a post-deploy smoke request.",
            (HttpRequest http, SmokeHttpHandlers smoke, DurableTaskClient client) => smoke.StartAsync(http, client)),
        new("POST", "/api/smoke/requests/{id}/verify", "VerifySmokeRequestFunction", "Confirm a smoke request without its code.",
            (string id, HttpRequest http, SmokeHttpHandlers smoke, DurableTaskClient client) => smoke.VerifyAsync(http, id, client)),

        new("GET", "/staff", "StaffConsoleFunction", "The staff console (a static shell; its data comes from the staff API).",
            (StaffAuthenticator authenticator) => StaffConsolePage.Page(authenticator.TrustsClientPrincipal)),
        new("GET", "/api/staff/me", "StaffMeFunction", "Who the staff credentials name.", (HttpRequest http, StaffQueryHandlers staff) => staff.Me(http)),
        new("GET", "/api/staff/requests", "ListStaffRequestsFunction", "Requests with filters, most urgent first.",
            (HttpRequest http, StaffQueryHandlers staff) => staff.ListAsync(http)),
        new("GET", "/api/staff/requests/{id}", "GetStaffRequestFunction", "A request's detail: deadline, stores, evidence with the chain check, audit, actions.",
            (string id, HttpRequest http, StaffQueryHandlers staff, DurableTaskClient client) => staff.DetailAsync(http, id, client)),
        new("GET", "/api/staff/todo", "StaffTodoFunction", "What needs a person today: triage, approvals, reviews, manual steps, late partners and Clients, deadlines within 7 days.",
            (HttpRequest http, StaffConsoleHandlers staff) => staff.TodoAsync(http)),
        new("GET", "/api/staff/requests/{id}/certificate", "StaffCertificateFunction", "Download a request's deletion certificate (?format=html|json).",
            (string id, HttpRequest http, StaffConsoleHandlers staff) => staff.CertificateAsync(http, id)),
        new("GET", "/api/staff/requests/{id}/package", "StaffPackageFunction", "Download a request's access package (zip).",
            (string id, HttpRequest http, StaffConsoleHandlers staff) => staff.PackageAsync(http, id)),
        new("GET", "/api/staff/export", "ExportRequestLogFunction", "The request log of the last 24 months as CSV.",
            (HttpRequest http, StaffQueryHandlers staff) => staff.ExportAsync(http)),
        new("GET", "/api/staff/metrics", "StaffMetricsFunction", "Per request type: received, complied, denied, open, median days.",
            (HttpRequest http, StaffQueryHandlers staff) => staff.MetricsAsync(http)),
        new("POST", "/api/staff/requests/{id}/approve", "ApproveRequestFunction", "Approve a request waiting for approval.",
            (string id, HttpRequest http, StaffActionHandlers staff, DurableTaskClient client) => staff.ApproveAsync(http, id, client)),
        new("POST", "/api/staff/requests/{id}/deny", "DenyRequestFunction", "Deny a request with a reason sent to the person.",
            (string id, HttpRequest http, StaffActionHandlers staff, DurableTaskClient client) => staff.DenyAsync(http, id, client)),
        new("POST", "/api/staff/requests/{id}/extend", "ExtendDeadlineFunction", "Extend the deadline once, with a reasoned notice.",
            (string id, HttpRequest http, StaffActionHandlers staff, DurableTaskClient client) => staff.ExtendAsync(http, id, client)),
        new("POST", "/api/staff/requests/{id}/refuse", "RefuseRequestFunction", "Refuse a request in full or per store, with reason and authority.",
            (string id, HttpRequest http, StaffActionHandlers staff, DurableTaskClient client) => staff.RefuseAsync(http, id, client)),
        new("POST", "/api/staff/requests/{id}/classify", "ClassifyRequestFunction", "Give a triaged e-mail request its type and start it.",
            (string id, HttpRequest http, StaffTriageHandlers staff, DurableTaskClient client) => staff.ClassifyAsync(http, id, client)),
        new("POST", "/api/staff/requests/{id}/identity/bind", "StaffBindIdentityFunction", "Bind a checked account id at tier 2.",
            (string id, HttpRequest http, IdentityHttpHandlers handlers, DurableTaskClient client) => handlers.StaffBindAsync(http, id, client)),
        new("POST", "/api/staff/requests/{id}/stores/{storeId}/rerun", "RerunStoreFunction", "Run one failed store again.",
            (string id, string storeId, HttpRequest http, StaffActionHandlers staff, DurableTaskClient client) => staff.RerunStoreAsync(http, id, storeId, client)),
        new("POST", "/api/staff/requests/{id}/stores/{storeId}/done", "ManualStepDoneFunction", "A manual step is done.",
            (string id, string storeId, HttpRequest http, WaitingStoreHttpHandlers handlers, DurableTaskClient client) => handlers.ManualStepDoneAsync(http, id, storeId, client)),
        new("POST", "/api/staff/requests/{id}/restart", "RestartWorkflowFunction", "Restart a failed workflow.",
            (string id, HttpRequest http, StaffRecoveryHandlers staff, DurableTaskClient client) => staff.RestartAsync(http, id, client)),
        new("GET", "/api/staff/requests/{id}/review", "GetAccessReviewFunction", "An access package held for staff review.",
            (string id, HttpRequest http, AccessReviewHandlers review) => review.GetAsync(http, id)),
        new("POST", "/api/staff/requests/{id}/review/remove", "RemoveAccessReviewItemFunction", "Remove an item from the held package, with a reason.",
            (string id, HttpRequest http, AccessReviewHandlers review) => review.RemoveAsync(http, id)),
        new("POST", "/api/staff/requests/{id}/review/release", "ReleaseAccessReviewFunction", "Release the reviewed package to the person.",
            (string id, HttpRequest http, AccessReviewHandlers review, DurableTaskClient client) => review.ReleaseAsync(http, id, client)),
        new("GET", "/api/staff/requests/{id}/clients", "StaffClientAnswers", "The Clients a request was forwarded to and their answers.",
            (string id, HttpRequest http, ClientAnswerHttpHandlers handlers) => handlers.ListAsync(http, id)),
        new("POST", "/api/staff/reconcile", "ReconcileFunction", "Start every request the workflow does not know of.",
            (HttpRequest http, StaffRecoveryHandlers staff, DurableTaskClient client) => staff.ReconcileAsync(http, client)),
        new("POST", "/api/staff/backups/restored", "BackupRestoredFunction", "A backup was restored: re-apply the erasures it covers.",
            (HttpRequest http, BackupHttpHandlers handlers, DurableTaskClient client) => handlers.RestoredAsync(http, client)),
    ];
}
