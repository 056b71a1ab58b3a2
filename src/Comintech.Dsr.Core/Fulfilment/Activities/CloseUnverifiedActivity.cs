using Comintech.Dsr.Domain;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Evidence.Events;
using Comintech.Dsr.Hosting;
using Microsoft.Extensions.Options;
using Comintech.Dsr.Notifications;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Telemetry;

namespace Comintech.Dsr.Fulfilment.Activities;

/// <summary>The person never verified: close the request, tell them, record it.</summary>
public sealed class CloseUnverifiedActivity(RequestStore requests, INotifier notifier, EvidenceLedger evidence, IOptions<DsrOptions> options, TimeProvider clock)
    : IDsrActivity<string, bool>
{
    public async Task<bool> RunAsync(string requestId, CancellationToken cancellationToken)
    {
        var request = await requests.GetAsync(requestId, cancellationToken);
        var message = MessageTemplates.NotVerified(request, options.Value.Notices);
        await notifier.SendAsync(message, cancellationToken);
        await requests.SetStatusAsync(requestId, RequestStatus.IdentityNotVerified, cancellationToken);
        DsrTelemetry.RequestClosed(request, RequestStatus.IdentityNotVerified, clock.GetUtcNow());
        await evidence.AppendAsync(requestId, IdentityNotVerified.Key, new IdentityNotVerified(message.IdempotencyKey), cancellationToken: cancellationToken);
        return true;
    }
}
