using Azure.Storage.Blobs;

namespace Comintech.Dsr.Functions.Inbox;

/// <summary>A raw .eml dropped into <c>inbound-mail</c> (mailbox export, mail gateway). Connection: AzureWebJobsStorage.</summary>
/// <remarks>
/// Event Grid source: Flex Consumption runs no polling blob trigger. The BlobCreated subscription on the host
/// account's system topic is created after deployment by <c>infra/scripts/subscribe-inbound-mail.sh</c>, since it
/// needs the blob extension's key.
/// </remarks>
public sealed class InboundMailBlobFunction(InboundBlobHandler handler)
{
    [Function(nameof(InboundMailBlobFunction))]
    public async Task Run(
        [BlobTrigger("inbound-mail/{name}", Source = BlobTriggerSource.EventGrid)] BlobClient blob,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(blob, client, cancellationToken);
        if (result.Outcome == InboundOutcome.InProgress)
        {
            // Thrown so the trigger delivers it again later; the message carries no personal data.
            throw new InvalidOperationException("The message is being taken in by another delivery; it will be retried.");
        }
    }
}
