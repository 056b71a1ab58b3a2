namespace Comintech.Dsr.Fulfilment.Access;

/// <summary>An access package waiting for (or past) staff review: the store exports it will be built from.</summary>
public sealed record AccessReview(string RequestId, bool Released, IReadOnlyList<ConnectorOutcome> Outcomes);

/// <summary>One item staff took out of a package: its store, its key (see <see cref="AccessReviews.ItemKey"/>) and the reason given to the person.</summary>
public sealed record WithheldItem(string StoreId, string ItemKey, string Reason, string RemovedBy);

/// <summary>
/// The staff review of access packages (Art. 15(4)), kept in the waiting-stores table beside the request's other parts
/// that wait on staff: row <c>access-review</c> (open or released, and the outcomes), and one row
/// <c>access-review.removed.&lt;storeId&gt;.&lt;itemKey&gt;</c> per item removed. Reasons stay here and in the audit log; the
/// evidence holds the store and a keyed reference to the item only (<see cref="EvidenceRef"/>).
/// </summary>
public sealed class AccessReviews(DsrStorage storage, IdentifierHasher hasher, TimeProvider clock)
{
    public const string ReviewRow = "access-review";
    private const string RemovedPrefix = ReviewRow + ".removed.";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private TableClient Table => storage.Tables.GetTableClient(DsrStorage.WaitingStoresTable);

    /// <summary>A stable key for one record of a store's export: the same record keeps its key across re-runs.</summary>
    public static string ItemKey(string storeId, JsonNode? record) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(storeId + "\n" + (record?.ToJsonString() ?? "null"))))[..20];

    /// <summary>
    /// What the evidence names a withheld item by: a keyed hash of its key. The item key is a plain digest of the
    /// person's record, which anyone holding a guess of the record could confirm; the evidence outlives the record.
    /// </summary>
    public string EvidenceRef(string storeId, string itemKey) => hasher.HashFor("access-review-item", storeId + "\n" + itemKey)[..20];

    /// <summary>Opens the review once (a re-run keeps the first row).</summary>
    public async Task OpenAsync(string requestId, IReadOnlyList<ConnectorOutcome> outcomes, CancellationToken cancellationToken)
    {
        await Table.CreateIfNotExistsAsync(cancellationToken);
        try
        {
            await Table.AddEntityAsync(
                new TableEntity(requestId, ReviewRow)
                {
                    ["WaitingOn"] = "staff",
                    ["State"] = "Open",
                    ["OpenedAt"] = clock.GetUtcNow(),
                    ["Outcomes"] = JsonSerializer.Serialize(outcomes, Json),
                },
                cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Opened by an earlier attempt.
        }
    }

    public async Task<AccessReview?> FindAsync(string requestId, CancellationToken cancellationToken)
    {
        var row = await RowAsync(requestId, cancellationToken);
        return row is null
            ? null
            : new AccessReview(requestId, row.GetString("State") == "Released", JsonSerializer.Deserialize<List<ConnectorOutcome>>(row.GetString("Outcomes"), Json) ?? []);
    }

    /// <summary>Records a removal; false when the item was removed already (the first reason stands).</summary>
    public async Task<bool> RemoveAsync(string requestId, WithheldItem item, CancellationToken cancellationToken)
    {
        try
        {
            await Table.AddEntityAsync(
                new TableEntity(requestId, $"{RemovedPrefix}{item.StoreId}.{item.ItemKey}")
                {
                    ["StoreId"] = item.StoreId,
                    ["ItemKey"] = item.ItemKey,
                    ["Reason"] = item.Reason,
                    ["RemovedBy"] = item.RemovedBy,
                    ["RemovedAt"] = clock.GetUtcNow(),
                },
                cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<WithheldItem>> RemovalsAsync(string requestId, CancellationToken cancellationToken)
    {
        var removed = new List<WithheldItem>();
        try
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {requestId} and RowKey gt {RemovedPrefix} and RowKey lt {RemovedPrefix + "~"}");
            await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                removed.Add(new WithheldItem(row.GetString("StoreId"), row.GetString("ItemKey"), row.GetString("Reason"), row.GetString("RemovedBy")));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No table yet: nothing was ever reviewed.
        }

        return removed;
    }

    /// <summary>Marks the review released; false when it was released already.</summary>
    public async Task<bool> ReleaseAsync(string requestId, string releasedBy, CancellationToken cancellationToken)
    {
        var row = await RowAsync(requestId, cancellationToken) ?? throw new InvalidOperationException("No review is open for this request.");
        if (row.GetString("State") == "Released")
        {
            return false;
        }

        row["State"] = "Released";
        row["ReleasedBy"] = releasedBy;
        row["ReleasedAt"] = clock.GetUtcNow();
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

    private async Task<TableEntity?> RowAsync(string requestId, CancellationToken cancellationToken)
    {
        try
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(requestId, ReviewRow, cancellationToken: cancellationToken);
            return row.HasValue ? row.Value : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
