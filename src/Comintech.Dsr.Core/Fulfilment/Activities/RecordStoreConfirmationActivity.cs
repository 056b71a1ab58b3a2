namespace Comintech.Dsr.Fulfilment.Activities;

/// <summary>A waiting store part was confirmed (by its partner or by staff): its final outcome, kept and evidenced once.</summary>
public sealed partial class RecordStoreConfirmationActivity(StoreActionRunner runner, TimeProvider clock) : IDsrActivity<StoreConfirmedInput, ConnectorOutcome>
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
            Note(confirmation.ConfirmedBy), confirmation.ArtifactPath, clock.GetUtcNow());
        return await runner.RecordAsync(input.RequestId, key, o => new StoreConfirmed(o), outcome, cancellationToken);
    }

    /// <summary>
    /// The outcome's note, kept in the evidence: the party the part waited on as the system names it (<c>staff</c>,
    /// <c>partner:&lt;id&gt;</c>, <c>client:&lt;id&gt;</c>, ids from the data map); which staff member is in the audit log.
    /// Anything else (a name, an address) is not written.
    /// </summary>
    public static string Note(string confirmedBy) => WaitingParty().IsMatch(confirmedBy) ? $"Confirmed by {confirmedBy}." : "Confirmed.";

    [GeneratedRegex(@"^(staff|(partner|client):[A-Za-z0-9][A-Za-z0-9._-]{0,99})$", RegexOptions.CultureInvariant)]
    private static partial Regex WaitingParty();
}
