namespace Comintech.Dsr.Binding;

/// <param name="Identity">The request's identity after the binding.</param>
/// <param name="RerunStarted">True when fulfilment had run and the stores found by account run again for the bound account.</param>
public sealed record BindingResult(IdentityState Identity, bool RerunStarted);

/// <summary>
/// Binds an account id to a request at tier 2 (a control-panel link, or staff after matching data points on record),
/// records it, and, when fulfilment already ran, runs again the stores that find people by account or login IP.
/// </summary>
public sealed class IdentityBindingService(RequestStore requests, EvidenceLedger evidence, IdentifierHasher hasher, IOptions<DataMapOptions> dataMap)
{
    /// <summary>A binding changes nothing for requests in these states.</summary>
    public static bool CanBind(DsrRequest request) =>
        request.IdentifiersRemovedAt is null && request.Status is not (RequestStatus.NeedsTriage or RequestStatus.Denied or RequestStatus.IdentityNotVerified);

    public async Task<BindingResult> BindAsync(
        DsrRequest request, string accountId, BindingSource by, string actor, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var identity = IdentityState.ProvenBy(by, accountId);
        var accountHash = hasher.Hash(accountId);
        if (request.Identity?.BoundAccountId != accountId || !request.Identity.IsStrongProof)
        {
            await requests.SetIdentityAsync(request.Id, identity, cancellationToken);
        }

        await evidence.AppendAsync(
            request.Id, IdentityBound.Key(by, accountHash), IdentityBound.AccountId(identity.Tier, by, accountHash), actor, cancellationToken);

        var fulfilled = request.Status is RequestStatus.InProgress or RequestStatus.Completed or RequestStatus.CompletedWithExceptions;
        // An access package is rebuilt whole (its exports were removed once it was built), so every store runs again for it.
        var stores = !fulfilled || request.Type.IsOptOut() ? []
            : request.Type == RequestType.Access ? dataMap.Value.Stores
            : dataMap.Value.Stores.Where(s => s.EffectiveIdentifiers.Any(i => i is SubjectIdentifier.AccountId or SubjectIdentifier.LoginIp)).ToList();
        if (stores.Count == 0)
        {
            return new BindingResult(identity, false);
        }

        var runId = accountHash[..12];
        var instanceId = IdentityRerunOrchestrator.InstanceIdFor(request.Id, runId);
        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is null)
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                IdentityRerunOrchestrator.Name,
                new IdentityRerunInput(request.Id, runId, ConnectorActions.For(request.Type), [.. stores.Select(PlanFulfilmentActivity.Planned)]),
                new StartOrchestrationOptions(instanceId),
                cancellationToken);
        }

        return new BindingResult(identity, true);
    }
}
