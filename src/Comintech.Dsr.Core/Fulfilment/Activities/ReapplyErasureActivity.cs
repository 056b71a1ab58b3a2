namespace Comintech.Dsr.Fulfilment.Activities;

/// <summary>Erases a ledgered person again from one restored store, once per restore (its own idempotency key and evidence link).</summary>
public sealed class ReapplyErasureActivity(StoreActionRunner runner) : IDsrActivity<ReapplyInput, ConnectorOutcome>
{
    public Task<ConnectorOutcome> RunAsync(ReapplyInput input, CancellationToken cancellationToken) =>
        runner.RunAsync(
            new StoreActionInput(input.RequestId, input.StoreId, ConnectorAction.Erase),
            $"{ConnectorRequest.KeyFor(input.RequestId, input.StoreId, ConnectorAction.Erase)}.{input.RestoreId}",
            o => new StoreReapplied(o),
            cancellationToken);
}
