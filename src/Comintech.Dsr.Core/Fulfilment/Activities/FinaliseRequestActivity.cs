using Comintech.Dsr.Connectors;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Fulfilment.Access;
using Comintech.Dsr.Fulfilment.Deletion;
using Comintech.Dsr.Notifications;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Telemetry;
using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Fulfilment.Activities;

/// <summary>Records stores that failed, sets the final status, sends the last notice and closes the evidence chain.</summary>
public sealed class FinaliseRequestActivity(
    RequestStore requests, INotifier notifier, EvidenceLedger evidence, IOptions<DataMapOptions> dataMap, AccessPackages packages, DeletionCertificates certificates, TimeProvider clock)
    : IDsrActivity<FinaliseInput, bool>
{
    public async Task<bool> RunAsync(FinaliseInput input, CancellationToken cancellationToken)
    {
        foreach (var failed in input.Outcomes.Where(o => o.Kind == OutcomeKind.Failed))
        {
            var key = ConnectorRequest.KeyFor(input.RequestId, failed.StoreId, failed.Action);
            await evidence.AppendAsync(input.RequestId, "store:" + key, EvidenceEvents.StoreOutcome, failed, cancellationToken: cancellationToken);
        }

        var status = input.Status;
        var request = await requests.GetAsync(input.RequestId, cancellationToken);
        var names = dataMap.Value.Stores.ToDictionary(s => s.Id, s => s.Name);
        var package = request.Type == RequestType.Access ? await packages.PublishAsync(input.RequestId, input.Outcomes, cancellationToken) : null;
        if (package is not null)
        {
            await evidence.AppendAsync(
                input.RequestId, "access-package", EvidenceEvents.AccessPackagePublished,
                new { blob = AccessPackages.BlobName(input.RequestId), linkExpiresAt = package.ExpiresAt, stores = input.Outcomes.Count },
                cancellationToken: cancellationToken);
        }

        var kept = RetainedItem.From(dataMap.Value, input.Outcomes);
        var message = MessageTemplates.Final(request, status, input.Outcomes, names, package, kept);
        await notifier.SendAsync(message, cancellationToken);
        await evidence.AppendAsync(input.RequestId, "final-notice", EvidenceEvents.FinalNoticeSent, new { message = message.IdempotencyKey }, cancellationToken: cancellationToken);
        await requests.SetStatusAsync(input.RequestId, status, cancellationToken);
        DsrTelemetry.RequestClosed(request, status, clock.GetUtcNow());
        await evidence.AppendAsync(
            input.RequestId, "completed", EvidenceEvents.Completed,
            new
            {
                status = status.ToString(),
                stores = input.Outcomes.Select(o => new { o.StoreId, kind = o.Kind.ToString(), o.RecordsAffected }),
                failedStores = input.Outcomes.Where(o => o.Kind == OutcomeKind.Failed).Select(o => o.StoreId),
            },
            cancellationToken: cancellationToken);
        if (request.Type == RequestType.Deletion)
        {
            await certificates.IssueAsync(input.RequestId, status, input.Outcomes, cancellationToken);
        }

        return true;
    }
}
