namespace Comintech.Dsr.Inbox;

/// <summary>What became of one inbound message.</summary>
public enum InboundState
{
    /// <summary>A worker is taking it in under the pre-assigned request id.</summary>
    Claimed,
    Created,
    Linked,
    Ignored,
    Rejected,
}

public sealed record InboundRecord(string MessageKey, InboundState State, string? RequestId, string? Reason, DateTimeOffset ClaimedAt);

/// <summary>
/// Table <c>DsrInboundMessages</c>. Rows <c>(m-&lt;message key&gt;, message)</c>: each message seen, keyed by the keyed hash of
/// its Message-ID (or its content hash), claimed with an insert before any request exists, so a second delivery finds it.
/// Rows <c>(a-&lt;address hash&gt;, &lt;intent&gt;)</c>: the latest request per address and intent, for the 24-hour link.
/// </summary>
public sealed class InboundMessageIndex(DsrStorage storage, TimeProvider clock)
{
    private const string MessageRow = "message";

    public async Task<InboundRecord?> FindAsync(string messageKey, CancellationToken cancellationToken)
    {
        var row = await storage.InboundMessages.GetEntityIfExistsAsync<TableEntity>(messageKey, MessageRow, cancellationToken: cancellationToken);
        return row.HasValue ? ToRecord(row.Value!) : null;
    }

    /// <summary>Claims the message for a new request; returns null when claimed, or the record that was there first.</summary>
    public async Task<InboundRecord?> ClaimAsync(string messageKey, string requestId, string rawBlob, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(messageKey, MessageRow)
        {
            ["State"] = nameof(InboundState.Claimed),
            ["RequestId"] = requestId,
            ["RawBlob"] = rawBlob,
            ["ClaimedAt"] = clock.GetUtcNow(),
        };
        try
        {
            await storage.InboundMessages.AddEntityAsync(entity, cancellationToken);
            return null;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await FindAsync(messageKey, cancellationToken);
        }
    }

    /// <summary>Takes over a claim left by a worker that stopped; false when another worker took it first.</summary>
    public async Task<bool> TakeOverAsync(string messageKey, CancellationToken cancellationToken)
    {
        var row = await storage.InboundMessages.GetEntityIfExistsAsync<TableEntity>(messageKey, MessageRow, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return false;
        }

        var patch = new TableEntity(messageKey, MessageRow) { ["ClaimedAt"] = clock.GetUtcNow() };
        try
        {
            await storage.InboundMessages.UpdateEntityAsync(patch, row.Value!.ETag, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }

    /// <summary>Records the final outcome of a message (insert or replace: a repeated write is harmless).</summary>
    public Task RecordAsync(string messageKey, InboundState state, string? requestId, string? reason, string rawBlob, CancellationToken cancellationToken) =>
        storage.InboundMessages.UpsertEntityAsync(
            new TableEntity(messageKey, MessageRow)
            {
                ["State"] = state.ToString(),
                ["RequestId"] = requestId,
                ["Reason"] = reason,
                ["RawBlob"] = rawBlob,
                ["ClaimedAt"] = clock.GetUtcNow(),
            },
            TableUpdateMode.Merge,
            cancellationToken);

    /// <summary>The request opened for this address and intent at or after <paramref name="since"/>, if any.</summary>
    public async Task<string?> FindRecentAsync(string addressHash, MailIntent intent, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var row = await storage.InboundMessages.GetEntityIfExistsAsync<TableEntity>(AddressKey(addressHash), intent.ToWire(), cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.GetDateTimeOffset("ReceivedAt") >= since ? row.Value.GetString("RequestId") : null;
    }

    public Task RememberAsync(string addressHash, MailIntent intent, string requestId, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        storage.InboundMessages.UpsertEntityAsync(
            new TableEntity(AddressKey(addressHash), intent.ToWire()) { ["RequestId"] = requestId, ["ReceivedAt"] = receivedAt },
            TableUpdateMode.Replace,
            cancellationToken);

    private static string AddressKey(string addressHash) => "a-" + addressHash;

    private static InboundRecord ToRecord(TableEntity e) => new(
        e.PartitionKey,
        Enum.Parse<InboundState>(e.GetString("State")),
        e.GetString("RequestId"),
        e.GetString("Reason"),
        e.GetDateTimeOffset("ClaimedAt") ?? DateTimeOffset.MinValue);
}
