namespace Comintech.Dsr.Connectors.WebLogs;

/// <summary>A log blob's text (gzip or plain) and the ETag it was read at.</summary>
internal sealed record LogBlob(BlobClient Client, string Text, bool Gzip, ETag ETag, BlobHttpHeaders Headers, IDictionary<string, string> Metadata);

/// <summary>Reads log blobs and swaps in a rewritten blob atomically.</summary>
internal static class LogBlobs
{
    private const int BlockSize = 4 * 1024 * 1024;

    public static async Task<LogBlob> ReadAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        var content = await blob.DownloadContentAsync(cancellationToken);
        var bytes = content.Value.Content.ToArray();
        var gzip = bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;
        string text;
        if (gzip)
        {
            await using var unzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var reader = new StreamReader(unzip, Encoding.UTF8);
            text = await reader.ReadToEndAsync(cancellationToken);
        }
        else
        {
            text = Encoding.UTF8.GetString(bytes);
        }

        var details = content.Value.Details;
        var headers = new BlobHttpHeaders
        {
            ContentType = details.ContentType,
            ContentEncoding = details.ContentEncoding,
            ContentDisposition = details.ContentDisposition,
            CacheControl = details.CacheControl,
        };
        return new LogBlob(blob, text, gzip, details.ETag, headers, details.Metadata);
    }

    /// <summary>
    /// Stages the new content as uncommitted blocks (invisible to readers), then commits them in one call that only
    /// succeeds if the blob is still the one that was read. A crash before the commit leaves the old blob whole; the
    /// staged blocks are discarded by the service. Answers false when the blob changed meanwhile (read it again).
    /// </summary>
    public static async Task<bool> ReplaceAsync(LogBlob original, string text, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (original.Gzip)
        {
            using var zipped = new MemoryStream();
            await using (var zip = new GZipStream(zipped, CompressionLevel.Optimal, leaveOpen: true))
            {
                await zip.WriteAsync(bytes, cancellationToken);
            }

            bytes = zipped.ToArray();
        }

        var block = original.Client.GetParentBlobContainerClient().GetBlockBlobClient(original.Client.Name);
        var ids = new List<string>();
        for (var offset = 0; offset < bytes.Length || ids.Count == 0; offset += BlockSize)
        {
            var id = Convert.ToBase64String(Encoding.ASCII.GetBytes($"dsr-{Guid.NewGuid():N}-{ids.Count:D6}"));
            await using var chunk = new MemoryStream(bytes, offset, Math.Min(BlockSize, bytes.Length - offset), writable: false);
            await block.StageBlockAsync(id, chunk, cancellationToken: cancellationToken);
            ids.Add(id);
        }

        try
        {
            await block.CommitBlockListAsync(ids, new CommitBlockListOptions
            {
                HttpHeaders = original.Headers,
                Metadata = original.Metadata,
                Conditions = new BlobRequestConditions { IfMatch = original.ETag },
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }
}
