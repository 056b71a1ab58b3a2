namespace Comintech.Dsr.Fulfilment.Activities;

/// <summary>
/// Tells the person the request arrived and when it is due; moves it to AwaitingVerification. A re-run finds the request
/// moved already and does not mail again.
/// </summary>
public sealed class SendAcknowledgementActivity(RequestStore requests, INotifier notifier, EvidenceLedger evidence, PublicLinks links)
    : IDsrActivity<string, bool>
{
    public async Task<bool> RunAsync(string requestId, CancellationToken cancellationToken)
    {
        await AcknowledgeAsync(requestId, cancellationToken);
        return true;
    }

    /// <returns>The request as read before it moved (for a step that follows in the same activity).</returns>
    public async Task<DsrRequest> AcknowledgeAsync(string requestId, CancellationToken cancellationToken)
    {
        var (request, version) = await requests.GetVersionedAsync(requestId, cancellationToken);
        var message = MessageTemplates.Acknowledgement(request, links.StatusPage(requestId));
        if (request.Status is RequestStatus.Received)
        {
            await notifier.SendAsync(message, cancellationToken);
        }

        await requests.SetStatusAsync(request, version, RequestStatus.AwaitingVerification, cancellationToken);
        await evidence.AppendAsync(requestId, AcknowledgementSent.Key, new AcknowledgementSent(message.IdempotencyKey, request.DueAt), cancellationToken: cancellationToken);
        return request;
    }
}
