namespace Comintech.Dsr.Staff.Rerun;

/// <summary>
/// Staff run one failed store of a request that ended CompletedWithExceptions again, without a new submission: a
/// store re-run orchestration of its own, under a fresh re-run id.
/// </summary>
public sealed class RerunStore(EvidenceLedger evidence, StaffAuditLog audit, IOptions<DataMapOptions> dataMap)
{
    public async Task<UseCaseResult<string>> RerunAsync(
        DsrRequest request, string storeId, string? reason, StaffPrincipal staff, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var store = dataMap.Value.Stores.FirstOrDefault(s => s.Id == storeId);
        if (store is null)
        {
            return UseCaseFailure.NotFound("Unknown store", "No store in the data map has this id.");
        }

        var latest = StoreOutcomes.Latest(await evidence.ReadAsync(request.Id, cancellationToken));
        if (request.IdentifiersRemovedAt is not null)
        {
            return UseCaseFailure.Conflict("Identifiers removed", "The retention policy removed this request's identifiers; the person must send a new request.");
        }

        if (request.Status != RequestStatus.CompletedWithExceptions || latest.GetValueOrDefault(storeId)?.Kind != OutcomeKind.Failed)
        {
            return UseCaseFailure.Conflict("Nothing to re-run", "Only a failed store of a request that ended CompletedWithExceptions can be re-run.");
        }

        var rerunId = RequestId.New();
        await audit.AppendAsync(staff, StaffActions.RerunStore, request.Id, reason is null ? storeId : $"{storeId}: {reason}", cancellationToken);
        var planned = new PlannedStore(store.Id, store.Retry.MaxAttempts, store.Retry.FirstRetryInterval, store.Retry.BackoffCoefficient);
        await client.ScheduleNewOrchestrationInstanceAsync(
            StoreRerunOrchestrator.Name,
            new StoreRerunInput(request.Id, rerunId, ConnectorActions.For(request.Type), planned),
            new StartOrchestrationOptions(StoreRerunOrchestrator.InstanceIdFor(request.Id, rerunId)),
            cancellationToken);
        return rerunId;
    }
}
