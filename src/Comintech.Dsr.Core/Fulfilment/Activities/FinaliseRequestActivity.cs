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

/// <summary>
/// Appends every store's outcome (plan order, one writer), sets the final status, sends the last notice and closes the
/// evidence chain. Every step is keyed or write-once, so a re-run after a crash at any point finishes what is missing
/// and repeats nothing.
/// </summary>
public sealed class FinaliseRequestActivity(
    RequestStore requests, INotifier notifier, EvidenceLedger evidence, AccessPackages packages, DeletionCertificates certificates,
    FinalNotice finalNotice, TimeProvider clock)
    : IDsrActivity<FinaliseInput, bool>
{
    /// <summary>The key of the link that closes a request's chain.</summary>
    public const string CompletedKey = "completed";

    public async Task<bool> RunAsync(FinaliseInput input, CancellationToken cancellationToken)
    {
        foreach (var outcome in input.Outcomes)
        {
            var key = StoreActionRunner.EvidenceKey(ConnectorRequest.KeyFor(input.RequestId, outcome.StoreId, outcome.Action));
            await evidence.AppendAsync(input.RequestId, key, EvidenceEvents.StoreOutcome, outcome, cancellationToken: cancellationToken);
        }

        var status = input.Status;
        var request = await requests.GetAsync(input.RequestId, cancellationToken);
        var package = request.Type == RequestType.Access ? await packages.PublishAsync(input.RequestId, input.Outcomes, cancellationToken) : null;
        if (package is not null)
        {
            await evidence.AppendAsync(
                input.RequestId, "access-package", EvidenceEvents.AccessPackagePublished,
                new { blob = AccessPackages.BlobName(input.RequestId), linkExpiresAt = package.ExpiresAt, stores = input.Outcomes.Count },
                cancellationToken: cancellationToken);
        }

        var message = await finalNotice.ComposeAsync(request, status, input.Outcomes, package, cancellationToken);
        await notifier.SendAsync(message, cancellationToken);
        await evidence.AppendAsync(input.RequestId, "final-notice", EvidenceEvents.FinalNoticeSent, new { message = message.IdempotencyKey }, cancellationToken: cancellationToken);
        await requests.SetStatusAsync(input.RequestId, status, cancellationToken);
        DsrTelemetry.RequestClosed(request, status, clock.GetUtcNow());
        var completed = await evidence.AppendAsync(
            input.RequestId, CompletedKey, EvidenceEvents.Completed,
            new
            {
                status = status.ToString(),
                stores = input.Outcomes.Select(o => new { o.StoreId, kind = o.Kind.ToString(), o.RecordsAffected }),
                failedStores = input.Outcomes.Where(o => o.Kind == OutcomeKind.Failed).Select(o => o.StoreId),
            },
            cancellationToken: cancellationToken);
        if (request.Type == RequestType.Deletion)
        {
            await certificates.IssueAsync(input.RequestId, status, input.Outcomes, completed, cancellationToken);
        }

        return true;
    }
}
