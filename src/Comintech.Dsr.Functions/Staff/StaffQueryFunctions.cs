namespace Comintech.Dsr.Functions.Staff;

/// <summary>The staff console and the staff routes that read, one function per route, bound to <see cref="StaffQueryHandlers"/>.</summary>
public sealed class StaffQueryFunctions(StaffQueryHandlers queries, StaffAuthenticator authenticator)
{
    /// <summary>GET /staff: the console (an HTML shell; its data comes from the staff API).</summary>
    [Function("StaffConsoleFunction")]
    public IActionResult Console([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff")] HttpRequest request) =>
        new ResultAction(StaffConsolePage.Page(authenticator.TrustsClientPrincipal));

    /// <summary>GET /api/staff/me: the signed-in staff member (Entra ID principal or key).</summary>
    [Function("StaffMeFunction")]
    public IActionResult Me([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/staff/me")] HttpRequest request) =>
        new ResultAction(queries.Me(request));

    /// <summary>GET /api/staff/requests: requests with filters, most urgent first.</summary>
    [Function("ListStaffRequestsFunction")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/staff/requests")] HttpRequest request) =>
        new ResultAction(await queries.ListAsync(request));

    /// <summary>GET /api/staff/requests/{id}: timeline, stores, evidence with the chain check, audit.</summary>
    [Function("GetStaffRequestFunction")]
    public async Task<IActionResult> Detail(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/staff/requests/{id}")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await queries.DetailAsync(request, id, client));

    /// <summary>GET /api/staff/export: the request log of the last 24 months as CSV.</summary>
    [Function("ExportRequestLogFunction")]
    public async Task<IActionResult> Export([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/staff/export")] HttpRequest request) =>
        new ResultAction(await queries.ExportAsync(request));

    /// <summary>GET /api/staff/metrics: counts and median days per request type.</summary>
    [Function("StaffMetricsFunction")]
    public async Task<IActionResult> Metrics([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/staff/metrics")] HttpRequest request) =>
        new ResultAction(await queries.MetricsAsync(request));
}
