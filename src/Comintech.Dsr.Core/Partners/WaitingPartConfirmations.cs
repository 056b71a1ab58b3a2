namespace Comintech.Dsr.Partners;

public enum ConfirmResult
{
    Confirmed,
    AlreadyConfirmed,
    NothingWaiting,
}

/// <summary>
/// A part of a store that waits on someone (a partner, a Client, staff doing a manual step) is confirmed: the first
/// confirmation by the one it waits on is recorded and its orchestration told; later ones change nothing.
/// </summary>
public sealed class WaitingPartConfirmations(WaitingStoreTable waiting, ConnectorExports exports, IOptions<DataMapOptions> dataMap)
{
    /// <summary>
    /// Attached records are written to the exports first, under a name of their own content, so a losing concurrent
    /// confirmation cannot replace the winner's.
    /// </summary>
    public async Task<ConfirmResult> ConfirmAsync(
        string requestId, string storeId, ConnectorAction action, StoreConfirmation confirmation, string? note, string? attachmentPath,
        DurableTaskClient client, CancellationToken cancellationToken, JsonArray? records = null)
    {
        var part = await waiting.FindAsync(requestId, storeId, action, cancellationToken);
        if (part is null || part.WaitingOn != confirmation.ConfirmedBy)
        {
            return ConfirmResult.NothingWaiting;
        }

        if (part.Confirmed)
        {
            return ConfirmResult.AlreadyConfirmed;
        }

        if (records is { Count: > 0 })
        {
            var path = await exports.WriteAttachedAsync(requestId, dataMap.Value.Get(storeId), records, cancellationToken);
            confirmation = confirmation with { ArtifactPath = path, RecordsAffected = Math.Max(confirmation.RecordsAffected, records.Count) };
        }

        if (!await waiting.ConfirmAsync(part, confirmation.ConfirmedBy, confirmation.Kind, confirmation.RecordsAffected, note, attachmentPath, cancellationToken))
        {
            return ConfirmResult.AlreadyConfirmed;
        }

        await client.RaiseEventAsync(requestId, DsrEvents.StoreConfirmed(storeId), confirmation with { ConfirmationId = part.Action }, cancellationToken);
        return ConfirmResult.Confirmed;
    }
}
