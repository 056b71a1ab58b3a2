using Comintech.Dsr.Connectors;
using Comintech.Dsr.Evidence.Events;

namespace Comintech.Dsr.Fulfilment.Activities;

/// <summary>A waiting store part was confirmed (by its partner or by staff): its final outcome, kept and evidenced once.</summary>
public sealed class RecordStoreConfirmationActivity(StoreActionRunner runner, TimeProvider clock) : IDsrActivity<StoreConfirmedInput, ConnectorOutcome>
{
    public async Task<ConnectorOutcome> RunAsync(StoreConfirmedInput input, CancellationToken cancellationToken)
    {
        var key = ConnectorRequest.KeyFor(input.RequestId, input.StoreId, input.Action) + ".confirmed";
        if (await runner.RecordedAsync(input.RequestId, key, o => new StoreConfirmed(o), cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var confirmation = input.Confirmation;
        var outcome = new ConnectorOutcome(
            input.StoreId, input.Action, confirmation.Kind, confirmation.RecordsAffected, confirmation.RecordsAffected,
            $"Confirmed by {confirmation.ConfirmedBy}.", confirmation.ArtifactPath, clock.GetUtcNow());
        return await runner.RecordAsync(input.RequestId, key, o => new StoreConfirmed(o), outcome, cancellationToken);
    }
}
