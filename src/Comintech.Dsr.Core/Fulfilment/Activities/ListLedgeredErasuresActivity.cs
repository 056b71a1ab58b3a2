namespace Comintech.Dsr.Fulfilment.Activities;

/// <summary>The erasures a restored backup store must have re-applied: its ledger entries that have not expired.</summary>
public sealed class ListLedgeredErasuresActivity(RestoreSuppressionLedger ledger, IOptions<DataMapOptions> dataMap, TimeProvider clock)
    : IDsrActivity<RestoreInput, RestorePlan>
{
    public async Task<RestorePlan> RunAsync(RestoreInput input, CancellationToken cancellationToken)
    {
        var stores = dataMap.Value.Stores.ToDictionary(s => s.Id, PlanFulfilmentActivity.Planned, StringComparer.OrdinalIgnoreCase);
        var entries = await ledger.ActiveAsync(input.BackupStoreId, clock.GetUtcNow(), cancellationToken);
        return new RestorePlan([.. entries.Select(e => new LedgeredErasure(e.RequestId, [.. e.Covers.Where(stores.ContainsKey).Select(id => stores[id])]))]);
    }
}
