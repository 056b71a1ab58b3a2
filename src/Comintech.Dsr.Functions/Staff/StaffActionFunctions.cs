namespace Comintech.Dsr.Functions.Staff;

/// <summary>The staff routes that act, one function per route, bound to <see cref="StaffActionHandlers"/>.</summary>
public sealed class StaffActionFunctions(StaffActionHandlers actions)
{
    /// <summary>POST /api/staff/requests/{id}/approve: lets a request through the approval gate.</summary>
    [Function("ApproveRequestFunction")]
    public async Task<IActionResult> Approve(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/staff/requests/{id}/approve")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await actions.ApproveAsync(request, id, client));

    /// <summary>POST /api/staff/requests/{id}/deny: refuses a request with a reason sent to the person.</summary>
    [Function("DenyRequestFunction")]
    public async Task<IActionResult> Deny(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/staff/requests/{id}/deny")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await actions.DenyAsync(request, id, client));

    /// <summary>POST /api/staff/requests/{id}/extend: extends the deadline with a reasoned notice.</summary>
    [Function("ExtendDeadlineFunction")]
    public async Task<IActionResult> Extend(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/staff/requests/{id}/extend")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await actions.ExtendAsync(request, id, client));

    /// <summary>POST /api/staff/requests/{id}/refuse: refuses the whole request or some of its stores, with a reason sent to the person.</summary>
    [Function("RefuseRequestFunction")]
    public async Task<IActionResult> Refuse(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/staff/requests/{id}/refuse")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await actions.RefuseAsync(request, id, client));

    /// <summary>POST /api/staff/requests/{id}/stores/{storeId}/rerun: runs one failed store again without a new submission.</summary>
    [Function("RerunStoreFunction")]
    public async Task<IActionResult> Rerun(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/staff/requests/{id}/stores/{storeId}/rerun")] HttpRequest request,
        string id,
        string storeId,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await actions.RerunStoreAsync(request, id, storeId, client));
}
