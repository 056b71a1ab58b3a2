namespace Comintech.Dsr.Connectors.Backups;

/// <summary>One ledgered erasure: who (as keyed hashes), which stores to re-apply it to, and until when it matters.</summary>
public sealed record RestoreSuppression(string RequestId, IReadOnlyList<string> Covers, DateTimeOffset BeyondUseUntil);

/// <summary>
/// The restore-suppression ledger (table <c>DsrRestoreSuppression</c>, partition = backup store id, row = request id):
/// people erased while backups that cannot be edited may still hold them. Identifiers are kept only as keyed hashes
/// (so a restore pipeline can check a row against the ledger); the backup sets and their expiry dates are listed.
/// </summary>
public sealed class RestoreSuppressionLedger(DsrStorage storage, IdentifierHasher hasher)
{
    public const string TableName = DsrStorage.RestoreSuppressionTable;

    private TableClient Table => storage.Tables.GetTableClient(TableName);

    public async Task RecordAsync(
        string backupStoreId, string requestId, DataSubject subject, IReadOnlyList<string> loginIps, BackupSchedule schedule,
        IReadOnlyList<BackupSet> sets, DateTimeOffset erasedAt, CancellationToken cancellationToken)
    {
        await Table.CreateIfNotExistsAsync(cancellationToken);
        var entity = new TableEntity(backupStoreId, requestId)
        {
            ["EmailHash"] = hasher.Hash(subject.Email),
            ["AccountIdHash"] = subject.AccountId is null ? null : hasher.Hash(subject.AccountId),
            ["LoginIpHashes"] = string.Join(',', loginIps.Select(hasher.Hash)),
            ["Covers"] = string.Join(',', schedule.Covers),
            ["BackupSets"] = JsonSerializer.Serialize(sets.Select(s => new { id = s.Id, expiresAt = s.ExpiresAt })),
            ["BeyondUseUntil"] = sets.Count == 0 ? erasedAt : sets.Max(s => s.ExpiresAt),
            ["ErasedAt"] = erasedAt,
        };
        await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>
    /// Until when a request's erasure may have to be re-applied after a restore (the latest expiry of the backup sets
    /// that may still hold the person, over every backup store); null when nothing was ledgered for it.
    /// </summary>
    public async Task<DateTimeOffset?> BeyondUseUntilAsync(string requestId, CancellationToken cancellationToken)
    {
        DateTimeOffset? latest = null;
        try
        {
            await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {requestId}"), select: ["BeyondUseUntil"], cancellationToken: cancellationToken))
            {
                if (row.GetDateTimeOffset("BeyondUseUntil") is { } until && (latest is null || until > latest))
                {
                    latest = until;
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No erasure has been ledgered yet.
        }

        return latest;
    }

    /// <summary>Erasures whose backups have not all expired at <paramref name="now"/>: those a restore must re-apply.</summary>
    public async Task<IReadOnlyList<RestoreSuppression>> ActiveAsync(string backupStoreId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = new List<RestoreSuppression>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {backupStoreId} and BeyondUseUntil gt {now}");
        try
        {
            await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                var covers = (row.GetString("Covers") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
                rows.Add(new RestoreSuppression(row.RowKey, covers, row.GetDateTimeOffset("BeyondUseUntil") ?? now));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No erasure has been ledgered yet.
        }

        return rows;
    }
}
