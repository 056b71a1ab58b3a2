namespace Comintech.Dsr.Retention;

/// <summary>How many of a request's copies of personal data one removal deleted, by kind (no names, no values).</summary>
public sealed record RemovedCopies(int Exports, int Packages, int RawMails, int Attachments)
{
    public static RemovedCopies None { get; } = new(0, 0, 0, 0);

    public int Total => Exports + Packages + RawMails + Attachments;

    public static RemovedCopies operator +(RemovedCopies a, RemovedCopies b) =>
        new(a.Exports + b.Exports, a.Packages + b.Packages, a.RawMails + b.RawMails, a.Attachments + b.Attachments);
}

/// <summary>
/// The documents the system itself made or received for one request and that hold the person's data: per-store
/// exports, the access package, the raw e-mails that became or joined the request, staff attachments. Evidence
/// documents (certificates) hold no personal values and are not touched. Every removal is idempotent.
/// </summary>
public sealed class WorkingCopies(DsrStorage storage)
{
    /// <summary>The per-store exports of an access request (working copies: the package holds what goes out).</summary>
    public Task<int> RemoveExportsAsync(string requestId, CancellationToken cancellationToken) =>
        DeletePrefixAsync(storage.Exports, requestId + "/", cancellationToken);

    public async Task<RemovedCopies> RemoveAllAsync(string requestId, CancellationToken cancellationToken)
    {
        var exports = await RemoveExportsAsync(requestId, cancellationToken);
        var package = await DeleteAsync(storage.AccessPackages.GetBlobClient(DsrStorage.AccessPackageBlobName(requestId)), cancellationToken) ? 1 : 0;
        var attachments = await DeletePrefixAsync(storage.Blobs.GetBlobContainerClient(DsrStorage.StaffAttachmentsContainer), requestId + "/", cancellationToken);
        var rawMails = 0;
        var filter = TableClient.CreateQueryFilter($"RequestId eq {requestId}");
        foreach (var row in await RowsAsync(filter, cancellationToken))
        {
            if (row.GetString("RawBlob") is { Length: > 0 } raw && await DeleteAsync(storage.InboundRaw.GetBlobClient(raw), cancellationToken))
            {
                rawMails++;
            }
        }

        return new RemovedCopies(exports, package, rawMails, attachments);
    }

    /// <summary>Raw mails that never became part of a request (ignored, rejected), received before <paramref name="before"/>.</summary>
    public async Task<int> RemoveUnlinkedRawMailAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var removed = 0;
        var filter = TableClient.CreateQueryFilter($"RowKey eq {"message"} and ClaimedAt lt {before}");
        foreach (var row in await RowsAsync(filter, cancellationToken))
        {
            if (row.GetString("RequestId") is not { Length: > 0 } && row.GetString("RawBlob") is { Length: > 0 } raw
                && await DeleteAsync(storage.InboundRaw.GetBlobClient(raw), cancellationToken))
            {
                removed++;
            }
        }

        return removed;
    }

    /// <summary>Access packages whose link has expired at <paramref name="now"/>: the request ids they belonged to.</summary>
    public async Task<IReadOnlyList<string>> RemoveExpiredPackagesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var removed = new List<string>();
        try
        {
            await foreach (var blob in storage.AccessPackages.GetBlobsAsync(
                new Azure.Storage.Blobs.Models.GetBlobsOptions { Traits = Azure.Storage.Blobs.Models.BlobTraits.Metadata }, cancellationToken))
            {
                if (blob.Metadata.TryGetValue("expires", out var text) && long.TryParse(text, out var expires)
                    && DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(expires, 0, 253402300799)) < now
                    && await DeleteAsync(storage.AccessPackages.GetBlobClient(blob.Name), cancellationToken))
                {
                    removed.Add(blob.Name.Split('/')[0]);
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No package was ever written.
        }

        return removed;
    }

    private async Task<List<TableEntity>> RowsAsync(string filter, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        try
        {
            await foreach (var row in storage.InboundMessages.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                rows.Add(row);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The inbox never ran.
        }

        return rows;
    }

    private static async Task<int> DeletePrefixAsync(BlobContainerClient container, string prefix, CancellationToken cancellationToken)
    {
        var removed = 0;
        try
        {
            await foreach (var blob in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = prefix }, cancellationToken))
            {
                removed += await DeleteAsync(container.GetBlobClient(blob.Name), cancellationToken) ? 1 : 0;
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No such container: nothing was ever written there.
        }

        return removed;
    }

    private static async Task<bool> DeleteAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return (await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }
}
