namespace Comintech.Dsr.Staff.Approval;

/// <summary>
/// Staff approve or deny a request at the approval gate. The decision's evidence link is keyed, so a second, different
/// decision finds the first and is refused; the reason of a denial stays in the request store and the audit log, the
/// orchestration hears only approved or denied.
/// </summary>
public sealed class DecideApproval(EvidenceLedger evidence, StaffAuditLog audit, RequestStore requests)
{
    /// <param name="reason">Optional for an approval; required for a denial (it goes to the person).</param>
    public async Task<UseCaseResult<string>> DecideAsync(
        DsrRequest request, bool approved, string? reason, StaffPrincipal staff, DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (request.Status != RequestStatus.AwaitingApproval)
        {
            return UseCaseFailure.Conflict("Not awaiting approval", $"The request is {request.Status}; only a request awaiting approval can be approved or denied.");
        }

        if (!approved && reason is null)
        {
            return UseCaseFailure.Invalid("reason", "Required: it is sent to the person and kept in the audit log.");
        }

        var action = approved ? StaffActions.Approve : StaffActions.Deny;
        EvidenceEvent decision = approved ? new ApprovalGranted() : new ApprovalDenied();
        var recorded = await evidence.AppendAsync(request.Id, ApprovalDecision.Key, decision, staff.Actor, cancellationToken);
        if (recorded.EventType != decision.EventType)
        {
            return UseCaseFailure.Conflict("Already decided", $"The request was already {(approved ? "denied" : "approved")}.");
        }

        await audit.AppendAsync(staff, action, request.Id, reason, cancellationToken);
        if (!approved)
        {
            await requests.SetDenialReasonAsync(request.Id, reason!, cancellationToken);
        }

        await client.RaiseEventAsync(request.Id, DsrEvents.ApprovalDecided, approved, cancellationToken);
        return action;
    }
}
