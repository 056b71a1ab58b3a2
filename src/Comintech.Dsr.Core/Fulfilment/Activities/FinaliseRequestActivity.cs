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
    public async Task<bool> RunAsync(FinaliseInput input, CancellationToken cancellationToken)
    {
        await evidence.AppendManyAsync(
            input.RequestId,
            [.. input.Outcomes.Select(o => (StoreOutcomeEvidence.Key(ConnectorRequest.KeyFor(input.RequestId, o.StoreId, o.Action)), (EvidenceEvent)new StoreOutcomeRecorded(o)))],
            cancellationToken);

        var status = input.Status;
        var (request, version) = await requests.GetVersionedAsync(input.RequestId, cancellationToken);
        var package = request.Type == RequestType.Access ? await packages.PublishAsync(input.RequestId, input.Outcomes, cancellationToken) : null;
        if (package is not null)
        {
            await evidence.AppendAsync(
                input.RequestId,
                AccessPackagePublished.Key,
                new AccessPackagePublished(AccessPackages.BlobName(input.RequestId), package.ExpiresAt, input.Outcomes.Count),
                cancellationToken: cancellationToken);
        }

        var message = await finalNotice.ComposeAsync(request, status, input.Outcomes, package, cancellationToken);
        await notifier.SendAsync(message, cancellationToken);
        await requests.SetStatusAsync(request, version, status, cancellationToken);
        DsrTelemetry.RequestClosed(request, status, clock.GetUtcNow());
        var completed = (await evidence.AppendManyAsync(
            input.RequestId,
            [(FinalNoticeSent.Key, new FinalNoticeSent(message.IdempotencyKey)), (RequestCompleted.Key, RequestCompleted.Finalised(status, input.Outcomes))],
            cancellationToken))!;
        if (request.Type == RequestType.Deletion)
        {
            await certificates.IssueAsync(input.RequestId, status, input.Outcomes, completed, cancellationToken);
        }

        return true;
    }
}
