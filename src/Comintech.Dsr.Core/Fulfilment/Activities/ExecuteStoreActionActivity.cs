namespace Comintech.Dsr.Fulfilment.Activities;

/// <summary>
/// Runs one store's action for one request under its idempotency key. The first run's evidence link is written by
/// FinaliseRequest, so the parallel stores of a request never contend for its chain's head; a later run (after an
/// account was bound) has no FinaliseRequest and writes its link at once.
/// </summary>
public sealed class ExecuteStoreActionActivity(StoreActionRunner runner) : IDsrActivity<StoreActionInput, ConnectorOutcome>
{
    public Task<ConnectorOutcome> RunAsync(StoreActionInput input, CancellationToken cancellationToken) =>
        runner.RunAsync(
            input, input.IdempotencyKey, o => new StoreOutcomeRecorded(o), cancellationToken, input.Rerun is null ? EvidenceTiming.AtFinalise : EvidenceTiming.Now);
}
