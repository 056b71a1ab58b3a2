namespace Comintech.Dsr.Connectors.WebLogs;

/// <summary>
/// Erasures waiting for a pass over one store's logs (table <c>DsrWebLogErasures</c>, partition = store id,
/// row = request id), and the counts each got. No identifiers are kept here: a pass reads them from the request store.
/// </summary>
internal sealed class WebLogErasureQueue(DsrStorage storage)
{
    public const string TableName = DsrStorage.WebLogErasuresTable;
    private const string Pending = "Pending";
    private const string Done = "Done";

    private TableClient Table => storage.Tables.GetTableClient(TableName);

    public async Task EnqueueAsync(string storeId, string requestId, CancellationToken cancellationToken)
    {
        await Table.CreateIfNotExistsAsync(cancellationToken);
        try
        {
            await Table.AddEntityAsync(new TableEntity(storeId, requestId) { ["State"] = Pending }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Already queued (or done) by an earlier attempt.
        }
    }

    public async Task<IReadOnlyList<string>> PendingAsync(string storeId, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {storeId} and State eq {Pending}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            ids.Add(row.RowKey);
        }

        return ids;
    }

    public async Task<WebLogCounts?> ResultAsync(string storeId, string requestId, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(storeId, requestId, cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.GetString("State") == Done
            ? new WebLogCounts(row.Value.GetInt32("LinesMatched") ?? 0, row.Value.GetInt32("LinesRewritten") ?? 0, row.Value.GetInt32("BlobsRewritten") ?? 0)
            : null;
    }

    public Task CompleteAsync(string storeId, string requestId, WebLogCounts counts, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(
            new TableEntity(storeId, requestId)
            {
                ["State"] = Done,
                ["LinesMatched"] = counts.LinesMatched,
                ["LinesRewritten"] = counts.LinesRewritten,
                ["BlobsRewritten"] = counts.BlobsRewritten,
            },
            TableUpdateMode.Replace,
            cancellationToken);
}

/// <summary>What one pass did for one request.</summary>
internal sealed record WebLogCounts(int LinesMatched, int LinesRewritten, int BlobsRewritten);
