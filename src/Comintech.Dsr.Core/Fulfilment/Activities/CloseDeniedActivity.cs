namespace Comintech.Dsr.Fulfilment.Activities;

/// <summary>Staff denied the request: send the reasoned notice (the reason is in the request store), close it, record it.</summary>
public sealed class CloseDeniedActivity(RequestStore requests, INotifier notifier, EvidenceLedger evidence, IOptions<NoticeOptions> notices) : IDsrActivity<string, bool>
{
    public async Task<bool> RunAsync(string requestId, CancellationToken cancellationToken)
    {
        var request = await requests.GetAsync(requestId, cancellationToken);
        var reason = request.DenialReason ?? throw new InvalidOperationException($"Request {requestId} was denied without a stored reason.");
        var message = MessageTemplates.Denial(request, reason, notices.Value);
        await notifier.SendAsync(message, cancellationToken);
        await evidence.AppendAsync(requestId, DenialNoticeSent.Key, new DenialNoticeSent(message.IdempotencyKey), cancellationToken: cancellationToken);
        await requests.SetStatusAsync(requestId, RequestStatus.Denied, cancellationToken);
        await evidence.AppendAsync(requestId, RequestDenied.Key, new RequestDenied(), cancellationToken: cancellationToken);
        return true;
    }
}
