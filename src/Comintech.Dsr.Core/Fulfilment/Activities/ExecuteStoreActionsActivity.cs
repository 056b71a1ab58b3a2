namespace Comintech.Dsr.Fulfilment.Activities;

/// <summary>
/// The first run of a request's action on several stores in one activity, a few stores at a time, so a request pays
/// the engine's cost of one activity instead of one per store. Each store runs exactly as in
/// <see cref="ExecuteStoreActionActivity"/> (same idempotency key, run record and evidence), so a re-run of the batch
/// returns the outcomes already kept and acts only on the stores not done. A store that fails is left unfinished
/// here: the orchestration then runs it alone under its own retry policy.
/// </summary>
public sealed partial class ExecuteStoreActionsActivity(StoreActionRunner runner, ILogger<ExecuteStoreActionsActivity> logger)
    : IDsrActivity<StoreBatchInput, StoreBatchResult>
{
    /// <summary>Stores acted on at once: enough to overlap their round trips, few enough not to swamp one store's host.</summary>
    public const int MaxStoresAtOnce = 4;

    public async Task<StoreBatchResult> RunAsync(StoreBatchInput input, CancellationToken cancellationToken)
    {
        var storeIds = input.StoreIds.Distinct(StringComparer.Ordinal).ToList();
        var request = await runner.ReadRequestAsync(input.RequestId, cancellationToken);
        var outcomes = new ConcurrentDictionary<string, ConnectorOutcome>(StringComparer.Ordinal);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxStoresAtOnce, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(storeIds, parallel, async (storeId, token) =>
        {
            var store = new StoreActionInput(input.RequestId, storeId, input.Action);
            try
            {
                outcomes[storeId] = await runner.RunAsync(store, store.IdempotencyKey, o => new StoreOutcomeRecorded(o), token, EvidenceTiming.AtFinalise, request);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Its own run (same key) finds whatever this one kept and does the rest.
                LogLeftUnfinished(logger, input.RequestId, storeId, ex.GetType().Name);
            }
        });

        return new StoreBatchResult(
            [.. storeIds.Where(outcomes.ContainsKey).Select(id => outcomes[id])], [.. storeIds.Where(id => !outcomes.ContainsKey(id))]);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId}: store {StoreId} left to its own run after {Failure}")]
    private static partial void LogLeftUnfinished(ILogger logger, string requestId, string storeId, string failure);
}
