namespace Comintech.Dsr.Connectors.Waiting;

/// <summary>A connector whose outcome is Waiting (a partner or staff must act) and that can send a reminder.</summary>
public interface IWaitingConnector
{
    /// <summary>Sends reminder number <paramref name="reminder"/>; idempotent per number.</summary>
    Task RemindAsync(ConnectorRequest request, int reminder, CancellationToken cancellationToken);
}

/// <summary>One store part waiting on someone: who, since when, and how it was confirmed.</summary>
/// <param name="Part">The row: <c>&lt;storeId&gt;.&lt;action&gt;</c>, or the access review's row.</param>
public sealed record OpenWait(string RequestId, string Part, string WaitingOn, DateTimeOffset OpenedAt)
{
    /// <summary>The store the part belongs to (the row key without its action).</summary>
    public string StoreId => Part.LastIndexOf('.') is > 0 and var dot ? Part[..dot] : Part;
}

/// <summary>One store part waiting on someone: who, and whether it was confirmed.</summary>
public sealed record WaitingStore(string RequestId, string StoreId, string Action, string WaitingOn, bool Confirmed);

/// <summary>
/// Store parts waiting on a partner or staff (table <c>DsrWaitingStores</c>, partition = request id,
/// row = <c>&lt;storeId&gt;.&lt;action&gt;</c>). The row also keeps the confirmation's note and attachment path,
/// which never go into the engine or the evidence.
/// </summary>
public sealed class WaitingStoreTable(DsrStorage storage, TimeProvider clock)
{
    public const string TableName = DsrStorage.WaitingStoresTable;

    private TableClient Table => storage.Tables.GetTableClient(TableName);

    public static string RowKey(string storeId, ConnectorAction action) => $"{storeId}.{action.ToString().ToLowerInvariant()}";

    public async Task OpenAsync(ConnectorRequest request, string waitingOn, CancellationToken cancellationToken)
    {
        await Table.CreateIfNotExistsAsync(cancellationToken);
        try
        {
            await Table.AddEntityAsync(
                new TableEntity(request.RequestId, RowKey(request.Store.Id, request.Action))
                {
                    ["WaitingOn"] = waitingOn,
                    ["State"] = "Open",
                    ["OpenedAt"] = clock.GetUtcNow(),
                },
                cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Opened by an earlier attempt.
        }
    }

    /// <summary>Every part still open, over all requests (the staff to-do list; one table scan).</summary>
    public async Task<IReadOnlyList<OpenWait>> ListOpenAsync(CancellationToken cancellationToken)
    {
        var open = new List<OpenWait>();
        try
        {
            await foreach (var row in Table.QueryAsync<TableEntity>("State eq 'Open'", cancellationToken: cancellationToken))
            {
                open.Add(new OpenWait(row.PartitionKey, row.RowKey, row.GetString("WaitingOn") ?? "", row.GetDateTimeOffset("OpenedAt") ?? DateTimeOffset.MinValue));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No part has waited yet.
        }

        return open;
    }

    public async Task<WaitingStore?> FindAsync(string requestId, string storeId, ConnectorAction action, CancellationToken cancellationToken)
    {
        try
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(requestId, RowKey(storeId, action), cancellationToken: cancellationToken);
            return row.HasValue
                ? new WaitingStore(requestId, storeId, RowKey(storeId, action), row.Value!.GetString("WaitingOn"), row.Value.GetString("State") == "Confirmed")
                : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Marks the part confirmed; false when it was confirmed already (the first confirmation stands).</summary>
    public async Task<bool> ConfirmAsync(
        WaitingStore waiting, string confirmedBy, OutcomeKind kind, int recordsAffected, string? note, string? attachmentPath, CancellationToken cancellationToken)
    {
        var row = (await Table.GetEntityAsync<TableEntity>(waiting.RequestId, waiting.Action, cancellationToken: cancellationToken)).Value;
        if (row.GetString("State") == "Confirmed")
        {
            return false;
        }

        row["State"] = "Confirmed";
        row["ConfirmedBy"] = confirmedBy;
        row["ConfirmedAt"] = clock.GetUtcNow();
        row["Outcome"] = kind.ToString();
        row["RecordsAffected"] = recordsAffected;
        row["Note"] = note;
        row["AttachmentPath"] = attachmentPath;
        try
        {
            await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }
}
