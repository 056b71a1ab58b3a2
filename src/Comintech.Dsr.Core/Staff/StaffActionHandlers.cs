using Comintech.Dsr.Staff.Approval;
using Comintech.Dsr.Staff.Extension;
using Comintech.Dsr.Staff.Refusal;
using Comintech.Dsr.Staff.Rerun;

namespace Comintech.Dsr.Staff;

/// <summary>
/// The staff routes that act on one request: approve or deny at the approval gate, extend the deadline, refuse, re-run
/// a failed store. Each finds who is asking and which request (401, 404), reads its typed body (415, 413, 400), calls
/// its use case and maps the result.
/// </summary>
public sealed class StaffActionHandlers(
    StaffAuthenticator authenticator,
    RequestStore requests,
    DecideApproval approval,
    ExtendDeadline extension,
    RerunStore rerun,
    RefuseRequest refusal)
{
    /// <summary>POST /api/staff/requests/{id}/approve with an optional { "reason": "…" }.</summary>
    public async Task<IResult> ApproveAsync(HttpRequest http, string requestId, DurableTaskClient client)
    {
        var (access, body, failure) = await PrepareAsync<StaffReasonBody>(http, requestId);
        return failure
            ?? (await approval.DecideAsync(access.Request!, approved: true, body!.Reason, access.Staff!, client, http.HttpContext.RequestAborted))
                .ToHttp(action => Results.Ok(new StaffActionResponse(requestId, action, null)));
    }

    /// <summary>POST /api/staff/requests/{id}/deny with { "reason": "…" } (required: it goes to the person).</summary>
    public async Task<IResult> DenyAsync(HttpRequest http, string requestId, DurableTaskClient client)
    {
        var (access, body, failure) = await PrepareAsync<ReasonedStaffBody>(http, requestId);
        return failure
            ?? (await approval.DecideAsync(access.Request!, approved: false, body!.Reason, access.Staff!, client, http.HttpContext.RequestAborted))
                .ToHttp(action => Results.Ok(new StaffActionResponse(requestId, action, null)));
    }

    /// <summary>POST /api/staff/requests/{id}/extend with { "reason": "…" }: moves the deadline and sends the notice.</summary>
    public async Task<IResult> ExtendAsync(HttpRequest http, string requestId, DurableTaskClient client)
    {
        var (access, body, failure) = await PrepareAsync<ReasonedStaffBody>(http, requestId);
        return failure
            ?? (await extension.ExtendAsync(access.Request!, body!.Reason, access.Staff!, client, http.HttpContext.RequestAborted))
                .ToHttp(dueAt => Results.Ok(new StaffActionResponse(requestId, StaffActions.Extend, dueAt)));
    }

    /// <summary>
    /// POST /api/staff/requests/{id}/stores/{storeId}/rerun: runs one failed store of a request that ended
    /// CompletedWithExceptions again, without a new submission.
    /// </summary>
    public async Task<IResult> RerunStoreAsync(HttpRequest http, string requestId, string storeId, DurableTaskClient client)
    {
        var (access, body, failure) = await PrepareAsync<StaffReasonBody>(http, requestId);
        return failure
            ?? (await rerun.RerunAsync(access.Request!, storeId, body!.Reason, access.Staff!, client, http.HttpContext.RequestAborted))
                .ToHttp(_ => Results.Accepted(value: new StaffActionResponse(requestId, StaffActions.RerunStore, null)));
    }

    /// <summary>
    /// POST /api/staff/requests/{id}/refuse with <c>{ "reason": "…", "stores": ["billing"] }</c>: refuses the whole request
    /// (no stores) at any open stage, or the named stores only, before they are acted on. The reason goes to the person.
    /// </summary>
    public async Task<IResult> RefuseAsync(HttpRequest http, string requestId, DurableTaskClient client)
    {
        var (access, body, failure) = await PrepareAsync<ReasonedStaffBody>(http, requestId);
        return failure
            ?? (await refusal.RefuseAsync(access.Request!, body!.Reason, body.Stores, access.Staff!, client, http.HttpContext.RequestAborted))
                .ToHttp(action => Results.Ok(new StaffActionResponse(requestId, action, null)));
    }

    /// <summary>Who is asking (401), about which request (404), with which body (415, 413, 400): the failure to answer, if any.</summary>
    private async Task<(StaffRequestAccess Access, T? Body, IResult? Failure)> PrepareAsync<T>(HttpRequest http, string requestId)
        where T : class, IRequestBody<T>
    {
        var access = await authenticator.AuthenticateForRequestAsync(requests, http, requestId);
        if (access.Denied)
        {
            return (access, null, access.Failure);
        }

        var (body, failure) = await RequestBodies.ReadAsync<T>(http, optional: true);
        return (access, body, failure);
    }
}

public sealed record StaffActionResponse(string RequestId, string Action, DateTimeOffset? DueAt);
