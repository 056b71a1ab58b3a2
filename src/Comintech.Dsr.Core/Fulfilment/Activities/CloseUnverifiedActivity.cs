namespace Comintech.Dsr.Fulfilment.Activities;

/// <summary>The person never verified: close the request, tell them, record it.</summary>
public sealed class CloseUnverifiedActivity(RequestStore requests, INotifier notifier, EvidenceLedger evidence, IOptions<NoticeOptions> notices, TimeProvider clock)
    : IDsrActivity<string, bool>
{
    public async Task<bool> RunAsync(string requestId, CancellationToken cancellationToken)
    {
        var request = await requests.GetAsync(requestId, cancellationToken);
        var message = MessageTemplates.NotVerified(request, notices.Value);
        await notifier.SendAsync(message, cancellationToken);
        await requests.SetStatusAsync(requestId, RequestStatus.IdentityNotVerified, cancellationToken);
        DsrTelemetry.RequestClosed(request, RequestStatus.IdentityNotVerified, clock.GetUtcNow());
        await evidence.AppendAsync(requestId, IdentityNotVerified.Key, new IdentityNotVerified(message.IdempotencyKey), cancellationToken: cancellationToken);
        return true;
    }
}
