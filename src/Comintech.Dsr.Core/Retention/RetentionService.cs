namespace Comintech.Dsr.Retention;

/// <summary>What one retention pass removed, as counts only.</summary>
public sealed record RetentionReport(
    int RequestsMinimised, int RequestsWithCopiesRemoved, int CopiesRemoved, int ExpiredPackages, int UnlinkedRawMails, int PartnerReplays, int HistoriesPurged = 0);

/// <summary>
/// Applies the retention policy for the system's own data (<see cref="RetentionOptions"/>) at a moment: minimises request
/// rows whose identifiers are no longer needed, deletes working copies, expired packages, raw mail that became nothing
/// and stale partner replay rows. Each removal is recorded as evidence on its request (kinds and counts, no values) and
/// every step is idempotent, so a pass can run again after a crash.
/// </summary>
public sealed class RetentionService(
    RequestStore requests,
    WorkingCopies copies,
    EvidenceLedger evidence,
    DsrStorage storage,
    Connectors.Backups.RestoreSuppressionLedger backups,
    IOptions<RetentionOptions> options)
{
    private RetentionOptions Policy => options.Value;

    public async Task<RetentionReport> ApplyAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (minimised, withCopies, removed) = (0, 0, 0);
        await foreach (var request in requests.ListAsync(cancellationToken))
        {
            if (request.Status.IsFinal() && request.CopiesRemovedAt is null && request.ClosedAt + Policy.WorkingCopiesAfterClose <= now)
            {
                var gone = await copies.RemoveAllAsync(request.Id, cancellationToken);
                await RecordCopiesAsync(request.Id, CopiesRemoved.ClosedKey, gone, "closed request", cancellationToken);
                await requests.MarkCopiesRemovedAsync(request.Id, cancellationToken);
                (withCopies, removed) = (withCopies + 1, removed + gone.Total);
            }

            if (request.IdentifiersRemovedAt is null && IdentifiersExpiredAt(request) is { } expired && expired <= now
                && (request.Type != RequestType.Deletion || await backups.BeyondUseUntilAsync(request.Id, cancellationToken) is not { } until || until <= now))
            {
                if (await requests.MinimiseAsync(request.Id, cancellationToken))
                {
                    minimised++;
                }

                await evidence.AppendAsync(
                    request.Id, IdentifiersRemoved.Key, new IdentifiersRemoved(IdentifiersReason(request)), cancellationToken: cancellationToken);
            }
        }

        var packages = await copies.RemoveExpiredPackagesAsync(now, cancellationToken);
        foreach (var requestId in packages)
        {
            await RecordCopiesAsync(requestId, CopiesRemoved.PackageExpiredKey, RemovedCopies.None with { Packages = 1 }, "package link expired", cancellationToken);
        }

        var unlinked = await copies.RemoveUnlinkedRawMailAsync(now - Policy.UnlinkedRawMail, cancellationToken);
        var replays = await RemovePartnerReplaysAsync(now - Policy.PartnerReplays, cancellationToken);
        return new RetentionReport(minimised, withCopies, removed, packages.Count, unlinked, replays);
    }

    /// <summary>
    /// When a request's identifiers stop being needed; null while they are. A request that ended with a failed store
    /// keeps them for the ordinary period (staff may re-run the store), even a deletion; a deletion also keeps them
    /// (encrypted) while a backup that may hold the person can still be restored, so the erasure can be re-applied.
    /// </summary>
    public DateTimeOffset? IdentifiersExpiredAt(DsrRequest request) => request switch
    {
        { ClosedAt: null } => null,
        { Status: RequestStatus.IdentityNotVerified } => request.ClosedAt + Policy.UnverifiedGrace,
        { Type: RequestType.Deletion, Status: RequestStatus.Completed } => request.ClosedAt + Policy.ClosedDeletionIdentifiers,
        { Status: var status } when status.IsFinal() => request.ClosedAt + Policy.ClosedIdentifiers,
        _ => null,
    };

    private static string IdentifiersReason(DsrRequest request) => request.Status switch
    {
        RequestStatus.IdentityNotVerified => "identity not verified: verification window and grace ended",
        _ when request.Type == RequestType.Deletion && request.Status == RequestStatus.Completed => "deletion completed",
        _ => "closed request: retention period for identifiers ended",
    };

    private Task RecordCopiesAsync(string requestId, EvidenceKey key, RemovedCopies gone, string reason, CancellationToken cancellationToken) =>
        evidence.AppendAsync(
            requestId, key, new CopiesRemoved(reason, gone.Exports, gone.Packages, gone.RawMails, gone.Attachments), cancellationToken: cancellationToken);

    private async Task<int> RemovePartnerReplaysAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var table = storage.Tables.GetTableClient(DsrStorage.PartnerReplaysTable);
        var removed = 0;
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"SeenAt lt {before}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
                removed++;
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No partner has confirmed anything yet.
        }

        return removed;
    }
}
