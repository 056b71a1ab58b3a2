using Comintech.Dsr.Connectors;
using Comintech.Dsr.Evidence;

namespace Comintech.Dsr.Fulfilment.Activities;

/// <summary>
/// Runs one store's action for one request (the default idempotency key and evidence event); the outcome's evidence
/// link is written by FinaliseRequest, so the parallel stores of a request never contend for its chain's head.
/// </summary>
public sealed class ExecuteStoreActionActivity(StoreActionRunner runner) : IDsrActivity<StoreActionInput, ConnectorOutcome>
{
    public Task<ConnectorOutcome> RunAsync(StoreActionInput input, CancellationToken cancellationToken) =>
        runner.RunAsync(input, ConnectorRequest.KeyFor(input.RequestId, input.StoreId, input.Action), EvidenceEvents.StoreOutcome, cancellationToken, EvidenceTiming.AtFinalise);
}
