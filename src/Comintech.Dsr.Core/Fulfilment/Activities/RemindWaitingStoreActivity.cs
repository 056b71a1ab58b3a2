namespace Comintech.Dsr.Fulfilment.Activities;

/// <summary>Sends the next reminder for a store part still waiting on a partner or staff.</summary>
public sealed class RemindWaitingStoreActivity(StoreActionRunner runner) : IDsrActivity<StoreWaitInput, bool>
{
    public async Task<bool> RunAsync(StoreWaitInput input, CancellationToken cancellationToken)
    {
        var key = ConnectorRequest.KeyFor(input.RequestId, input.StoreId, input.Action);
        var (connector, request) = await runner.PrepareAsync(new StoreActionInput(input.RequestId, input.StoreId, input.Action), key, cancellationToken);
        if (connector is IWaitingConnector waiting)
        {
            await waiting.RemindAsync(request, input.Reminder, cancellationToken);
        }

        return true;
    }
}
