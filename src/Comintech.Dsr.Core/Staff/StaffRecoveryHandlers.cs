namespace Comintech.Dsr.Staff;

/// <summary>The staff routes that recover requests: restart a failed workflow, reconcile every request with its workflow.</summary>
public sealed class StaffRecoveryHandlers(StaffAuthenticator authenticator, RequestStore requests, StaffAuditLog audit, WorkflowRecovery recovery)
{
    /// <summary>POST /api/staff/requests/{id}/restart: starts the failed workflow of a request again (steps done are skipped).</summary>
    public async Task<IResult> RestartAsync(HttpRequest http, string requestId, DurableTaskClient client)
    {
        var access = await authenticator.AuthenticateForRequestAsync(requests, http, requestId);
        if (access.Denied)
        {
            return access.Failure;
        }

        var cancellationToken = http.HttpContext.RequestAborted;
        await audit.AppendAsync(access.Staff, StaffActions.RestartWorkflow, requestId, null, cancellationToken);
        var result = await recovery.RestartAsync(access.Request, client, "staff:" + access.Staff.Name, cancellationToken);
        return result == RestartResult.Restarted
            ? Results.Accepted(value: new StaffActionResponse(requestId, StaffActions.RestartWorkflow, null))
            : StaffProblems.Conflict("Not failed", "Only a request whose workflow failed (or never started) can be restarted.");
    }

    /// <summary>POST /api/staff/reconcile: every request against its workflow, repairing what disagrees.</summary>
    public async Task<IResult> ReconcileAsync(HttpRequest http, DurableTaskClient client)
    {
        var staff = authenticator.Authenticate(http);
        if (staff is null)
        {
            return StaffProblems.Unauthorized();
        }

        await audit.AppendAsync(staff, StaffActions.Reconcile, null, null, http.HttpContext.RequestAborted);
        return Results.Ok(await recovery.ReconcileAsync(client, http.HttpContext.RequestAborted));
    }
}
