namespace Comintech.Dsr.Fulfilment.Rerun;

/// <summary>
/// Appends a re-run's outcome to the evidence (under its own key: the first, failed outcome keeps its link) and moves
/// the request from CompletedWithExceptions to Completed once every store's latest outcome is no longer a failure.
/// </summary>
public sealed class RecordRerunActivity(RequestStore requests, EvidenceLedger evidence) : IDsrActivity<RecordRerunInput, RequestStatus>
{
    public async Task<RequestStatus> RunAsync(RecordRerunInput input, CancellationToken cancellationToken)
    {
        await evidence.AppendAsync(input.RequestId, StoreOutcomeRecorded.RerunKey(input.RerunId), new StoreOutcomeRecorded(input.Outcome), cancellationToken: cancellationToken);
        var request = await requests.GetAsync(input.RequestId, cancellationToken);
        var latest = StoreOutcomes.Latest(await evidence.ReadAsync(input.RequestId, cancellationToken));
        if (request.Status != RequestStatus.CompletedWithExceptions || latest.Values.Any(o => o.Kind == OutcomeKind.Failed))
        {
            return request.Status;
        }

        await requests.SetStatusAsync(input.RequestId, RequestStatus.Completed, cancellationToken);
        await evidence.AppendAsync(
            input.RequestId, RequestCompleted.AfterRerunKey(input.RerunId), RequestCompleted.AfterRerun(input.Outcome.StoreId), cancellationToken: cancellationToken);
        return RequestStatus.Completed;
    }
}
