namespace Comintech.Dsr.Inbox;

/// <summary>
/// Container <c>dsr-inbound-raw</c> (private): every inbound message exactly as received, named by its message key, kept
/// as evidence and for staff. Writing the same key twice keeps the first copy.
/// </summary>
public sealed class RawMessageArchive(DsrStorage storage)
{
    /// <returns>The blob name.</returns>
    public async Task<string> StoreAsync(string messageKey, ReadOnlyMemory<byte> raw, string? rejection, bool truncated, CancellationToken cancellationToken)
    {
        var name = messageKey + ".eml";
        var blob = storage.InboundRaw.GetBlobClient(name);
        var metadata = new Dictionary<string, string> { ["truncated"] = truncated ? "true" : "false" };
        if (rejection is not null)
        {
            metadata["rejected"] = rejection;
        }

        try
        {
            await blob.UploadAsync(
                BinaryData.FromBytes(raw),
                new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = "message/rfc822" },
                    Metadata = metadata,
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                },
                cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Stored by an earlier delivery of the same message.
        }

        return name;
    }
}
