namespace Comintech.Dsr.Fulfilment.Refusal;

public enum RefusalResult
{
    Refused,
    AlreadyClosed,
    UnknownStore,
    FulfilmentStarted,
}

/// <summary>
/// Staff refuse a request with a reason (GDPR Art. 12(4), CCPA regulations §7022-7024), in full at any open stage or in
/// part (per store) before its stores are acted on. A full refusal stops the workflow and sends the reasoned notice
/// at once; a partial one is kept on the request, the plan leaves those stores out and the final notice gives the
/// reason beside the authority and the remedies. The audit row and the evidence are written before anything acts.
/// </summary>
public sealed class RefusalService(RequestStore requests, EvidenceLedger evidence, IOptions<DataMapOptions> dataMap, CloseDeniedActivity closeDenied)
{
    public async Task<RefusalResult> RefuseAsync(
        DsrRequest request, string reason, IReadOnlyList<string> stores, string actor, DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (request.Status.IsFinal())
        {
            return RefusalResult.AlreadyClosed;
        }

        return stores.Count == 0
            ? await RefuseAllAsync(request, reason, actor, client, cancellationToken)
            : await RefuseStoresAsync(request, reason, stores, actor, cancellationToken);
    }

    private async Task<RefusalResult> RefuseAllAsync(DsrRequest request, string reason, string actor, DurableTaskClient client, CancellationToken cancellationToken)
    {
        await requests.SetDenialReasonAsync(request.Id, reason, cancellationToken);
        await evidence.AppendAsync(request.Id, RequestRefused.Key, new RequestRefused(request.Status), actor, cancellationToken);
        if (await client.GetInstanceAsync(request.Id, getInputsAndOutputs: false, cancellationToken) is { IsRunning: true })
        {
            await client.TerminateInstanceAsync(request.Id, new TerminateInstanceOptions { Output = "refused by staff" }, cancellationToken);
        }

        // The workflow may have finished its last step before it was stopped: then the request stands as it ended.
        if ((await requests.GetAsync(request.Id, cancellationToken)).Status.IsFinal())
        {
            return RefusalResult.AlreadyClosed;
        }

        await closeDenied.RunAsync(request.Id, cancellationToken);
        return RefusalResult.Refused;
    }

    private async Task<RefusalResult> RefuseStoresAsync(
        DsrRequest request, string reason, IReadOnlyList<string> stores, string actor, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        foreach (var store in stores)
        {
            var known = dataMap.Value.Stores.FirstOrDefault(s => string.Equals(s.Id, store, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                return RefusalResult.UnknownStore;
            }

            ids.Add(known.Id);
        }

        if (request.Status is not (RequestStatus.Received or RequestStatus.AwaitingVerification or RequestStatus.AwaitingApproval or RequestStatus.NeedsTriage))
        {
            return RefusalResult.FulfilmentStarted;
        }

        ids = [.. ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        await requests.SetRefusedStoresAsync(request.Id, ids.ToDictionary(id => id, _ => reason), cancellationToken);
        await evidence.AppendAsync(request.Id, StoresRefused.Key(ids), new StoresRefused(ids, request.Status), actor, cancellationToken);
        return RefusalResult.Refused;
    }
}
