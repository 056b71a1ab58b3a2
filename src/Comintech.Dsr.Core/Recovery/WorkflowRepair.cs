namespace Comintech.Dsr.Recovery;

/// <summary>The workflow's own closing steps, run by the reconciliation (each is idempotent, so running them again is safe).</summary>
public sealed class WorkflowRepair(
    FinaliseRequestActivity finalise, CloseUnverifiedActivity closeUnverified, CloseDeniedActivity closeDenied, RecordWorkflowFailureActivity recordFailure)
{
    public Task CloseAsync(DsrRequest request, RequestStatus status, IReadOnlyList<ConnectorOutcome> outcomes, CancellationToken cancellationToken) => status switch
    {
        RequestStatus.IdentityNotVerified => closeUnverified.RunAsync(request.Id, cancellationToken),
        RequestStatus.Denied => closeDenied.RunAsync(request.Id, cancellationToken),
        _ => finalise.RunAsync(new FinaliseInput(request.Id, status, outcomes), cancellationToken),
    };

    public Task ReportFailureAsync(string requestId, string step, string reason, CancellationToken cancellationToken) =>
        recordFailure.RunAsync(new WorkflowFailureInput(requestId, step, reason), cancellationToken);
}
