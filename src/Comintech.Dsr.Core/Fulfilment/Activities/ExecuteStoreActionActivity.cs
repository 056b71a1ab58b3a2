using Comintech.Dsr.Connectors;
using Comintech.Dsr.Evidence;

namespace Comintech.Dsr.Fulfilment.Activities;

/// <summary>Runs one store's action for one request (its idempotency key, and the store-outcome evidence event).</summary>
public sealed class ExecuteStoreActionActivity(StoreActionRunner runner) : IDsrActivity<StoreActionInput, ConnectorOutcome>
{
    public Task<ConnectorOutcome> RunAsync(StoreActionInput input, CancellationToken cancellationToken) =>
        runner.RunAsync(input, input.IdempotencyKey, EvidenceEvents.StoreOutcome, cancellationToken);
}
