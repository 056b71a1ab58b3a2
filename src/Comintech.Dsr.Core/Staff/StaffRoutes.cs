namespace Comintech.Dsr.Staff;

/// <summary>The staff console and the staff API (every <c>/api/staff</c> route sits behind <see cref="StaffGate"/>).</summary>
public static class StaffRoutes
{
    public static IReadOnlyList<DsrRoute> All { get; } =
    [
        new("GET", "/staff", "StaffConsoleFunction", "The staff console (a static shell; its data comes from the staff API).",
            (StaffAuthenticator authenticator) => StaffConsolePage.Page(authenticator.TrustsClientPrincipal)),
        new("GET", "/api/staff/me", "StaffMeFunction", "Who the staff credentials name.", (HttpRequest http, StaffQueryHandlers staff) => staff.Me(http)),
        DsrRoute.Call<StaffQueryHandlers>("GET", "/api/staff/requests", "ListStaffRequestsFunction", "Requests with filters, most urgent first.", h => h.ListAsync),
        DsrRoute.Call<StaffQueryHandlers>("GET", "/api/staff/requests/{id}", "GetStaffRequestFunction", "A request's detail: deadline, stores, evidence with the chain check, audit, actions.", h => h.DetailAsync),
        DsrRoute.Call<StaffConsoleHandlers>("GET", "/api/staff/todo", "StaffTodoFunction", "What needs a person today: triage, approvals, reviews, manual steps, late partners and Clients, deadlines within 7 days.", h => h.TodoAsync),
        DsrRoute.Call<StaffConsoleHandlers>("GET", "/api/staff/requests/{id}/certificate", "StaffCertificateFunction", "Download a request's deletion certificate (?format=html|json).", h => h.CertificateAsync),
        DsrRoute.Call<StaffConsoleHandlers>("GET", "/api/staff/requests/{id}/package", "StaffPackageFunction", "Download a request's access package (zip).", h => h.PackageAsync),
        DsrRoute.Call<StaffQueryHandlers>("GET", "/api/staff/export", "ExportRequestLogFunction", "The request log of the last 24 months as CSV.", h => h.ExportAsync),
        DsrRoute.Call<StaffQueryHandlers>("GET", "/api/staff/metrics", "StaffMetricsFunction", "Per request type: received, complied, denied, open, median days.", h => h.MetricsAsync),
        DsrRoute.Call<StaffActionHandlers>("POST", "/api/staff/requests/{id}/approve", "ApproveRequestFunction", "Approve a request waiting for approval.", h => h.ApproveAsync),
        DsrRoute.Call<StaffActionHandlers>("POST", "/api/staff/requests/{id}/deny", "DenyRequestFunction", "Deny a request with a reason sent to the person.", h => h.DenyAsync),
        DsrRoute.Call<StaffActionHandlers>("POST", "/api/staff/requests/{id}/extend", "ExtendDeadlineFunction", "Extend the deadline once, with a reasoned notice.", h => h.ExtendAsync),
        DsrRoute.Call<StaffActionHandlers>("POST", "/api/staff/requests/{id}/refuse", "RefuseRequestFunction", "Refuse a request in full or per store, with reason and authority.", h => h.RefuseAsync),
        DsrRoute.Call<StaffTriageHandlers>("POST", "/api/staff/requests/{id}/classify", "ClassifyRequestFunction", "Give a triaged e-mail request its type and start it.", h => h.ClassifyAsync),
        DsrRoute.Call<StaffActionHandlers>("POST", "/api/staff/requests/{id}/stores/{storeId}/rerun", "RerunStoreFunction", "Run one failed store again.", h => h.RerunStoreAsync),
        DsrRoute.Call<StaffRecoveryHandlers>("POST", "/api/staff/requests/{id}/restart", "RestartWorkflowFunction", "Restart a failed workflow.", h => h.RestartAsync),
        DsrRoute.Call<StaffRecoveryHandlers>("POST", "/api/staff/reconcile", "ReconcileFunction", "Start every request the workflow does not know of.", h => h.ReconcileAsync),
    ];
}
