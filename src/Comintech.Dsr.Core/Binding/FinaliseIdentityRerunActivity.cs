namespace Comintech.Dsr.Binding;

/// <summary>
/// After the stores found by a newly bound account ran again: records it, rebuilds the access package (or issues a
/// supplementary deletion certificate) from every store's latest outcome, and sends the person the update.
/// </summary>
public sealed class FinaliseIdentityRerunActivity(
    RequestStore requests, EvidenceLedger evidence, AccessPackages packages, DeletionCertificates certificates, INotifier notifier, IOptions<DataMapOptions> dataMap)
    : IDsrActivity<FinaliseIdentityRerunInput, bool>
{
    public async Task<bool> RunAsync(FinaliseIdentityRerunInput input, CancellationToken cancellationToken)
    {
        var request = await requests.GetAsync(input.RequestId, cancellationToken);
        var records = await evidence.ReadAsync(input.RequestId, cancellationToken);
        var latest = StoreOutcomes.Latest(records);
        var outcomes = dataMap.Value.Stores.Where(s => latest.ContainsKey(s.Id)).Select(s => latest[s.Id]).ToList();
        PublishedPackage? package = null;
        if (request.Type == RequestType.Access)
        {
            if (!records.Any(r => r.Is(EvidenceEvents.AccessPackagePublished) && r.Details.Contains(input.RunId, StringComparison.Ordinal)))
            {
                await packages.WithdrawAsync(input.RequestId, cancellationToken);
            }

            package = await packages.PublishAsync(input.RequestId, outcomes, cancellationToken);
            await evidence.AppendAsync(
                input.RequestId,
                AccessPackagePublished.IdentityRerunKey(input.RunId),
                new AccessPackagePublished(AccessPackages.BlobName(input.RequestId), package.ExpiresAt, outcomes.Count, input.RunId),
                cancellationToken: cancellationToken);
        }
        var names = dataMap.Value.Stores.ToDictionary(s => s.Id, s => s.Name);
        var message = MessageTemplates.IdentityUpdate(request, input.RunId, input.Outcomes, names, package);
        await notifier.SendAsync(message, cancellationToken);
        var completed = await evidence.AppendAsync(
            input.RequestId,
            IdentityRerunCompleted.Key(input.RunId),
            new IdentityRerunCompleted(input.RunId, StoreTally.Of(input.Outcomes), message.IdempotencyKey),
            cancellationToken: cancellationToken);
        if (request.Type == RequestType.Deletion)
        {
            // A supplementary certificate, made from the chain up to this re-run's link (the first one is write-once).
            await certificates.IssueAsync(input.RequestId, request.Status, outcomes, completed, cancellationToken, supplement: "identity-" + input.RunId);
        }

        return true;
    }
}
