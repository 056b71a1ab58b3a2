namespace Comintech.Dsr.Inbox;

/// <summary>
/// A raw .eml dropped into <c>inbound-mail</c> (the Functions blob trigger and the local engine's watcher both call this):
/// read it up to the size limit, take it in, then delete it: the message itself is kept in <c>dsr-inbound-raw</c>.
/// A blob another worker is still taking in is left for the next pass.
/// </summary>
public sealed class InboundBlobHandler(InboundMailService inbox, IOptions<InboxOptions> options)
{
    public async Task<InboundResult> HandleAsync(BlobClient blob, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxMessageBytes;
        var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        var overLimit = properties.ContentLength > limit;
        var download = await blob.DownloadContentAsync(
            new BlobDownloadOptions { Range = overLimit ? new Azure.HttpRange(0, limit) : default },
            cancellationToken);
        var delivery = new InboundDelivery(download.Value.Content.ToMemory(), properties.CreatedOn, InboundDelivery.BlobPath, overLimit);
        var result = await inbox.ProcessAsync(delivery, client, cancellationToken);
        if (result.Outcome != InboundOutcome.InProgress)
        {
            await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }

        return result;
    }
}
