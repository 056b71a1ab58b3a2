namespace Comintech.Dsr.Fulfilment.Activities;

/// <summary>Verified, and the type needs a staff decision: mark the request AwaitingApproval and record it.</summary>
public sealed class AwaitApprovalActivity(RequestStore requests, EvidenceLedger evidence) : IDsrActivity<string, bool>
{
    public async Task<bool> RunAsync(string requestId, CancellationToken cancellationToken)
    {
        await requests.SetStatusAsync(requestId, RequestStatus.AwaitingApproval, cancellationToken);
        await evidence.AppendAsync(requestId, ApprovalRequested.Key, new ApprovalRequested(), cancellationToken: cancellationToken);
        return true;
    }
}
