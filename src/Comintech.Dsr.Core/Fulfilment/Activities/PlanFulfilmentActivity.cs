namespace Comintech.Dsr.Fulfilment.Activities;

/// <summary>
/// Resolves which identifiers are bound to the verified person (before any store is touched), reads the data map once
/// (so the plan is fixed in history) and marks the request in progress, keeping the identity in the same write. Under the identity-wait
/// policy <c>Pause</c> it first moves the deadline by the whole days spent waiting on the person.
/// </summary>
public sealed class PlanFulfilmentActivity(
    RequestStore requests,
    IOptions<DataMapOptions> dataMap,
    EvidenceLedger evidence,
    IOptions<DeadlineOptions> deadlines,
    IEnumerable<IDataStoreConnector> connectors,
    Identity.IdentityResolver identity)
    : IDsrActivity<string, FulfilmentPlan>
{
    public async Task<FulfilmentPlan> RunAsync(string requestId, CancellationToken cancellationToken)
    {
        var (stored, version) = await requests.GetVersionedAsync(requestId, cancellationToken);
        // A request acted on without a code (opt-out of sale/sharing) proves no address, so no account binds to it.
        var request = stored.Type.NeedsVerification() ? await identity.ResolveAsync(stored, cancellationToken) : stored;
        if (!stored.Type.NeedsVerification())
        {
            await evidence.AppendAsync(requestId, VerificationNotRequired.Key, VerificationNotRequired.OptOut, cancellationToken: cancellationToken);
        }

        if (deadlines.Value.IdentityWait == IdentityWaitPolicy.Pause)
        {
            await PauseForIdentityWaitAsync(request, cancellationToken);
        }

        await requests.StartFulfilmentAsync(stored, version, request.Identity, cancellationToken);
        var action = ConnectorActions.For(request.Type);
        var stores = request.IsSmoke() ? [SmokeSandbox.Definition] : dataMap.Value.Stores.Where(s => ActsOn(request.Type, s)).ToList();
        if (stores.RemoveAll(s => request.RefusedStores.ContainsKey(s.Id)) > 0)
        {
            await evidence.AppendAsync(
                requestId, RefusedStoresSkipped.Key, new RefusedStoresSkipped([.. request.RefusedStores.Keys.Order(StringComparer.Ordinal)]), cancellationToken: cancellationToken);
        }

        if (action == ConnectorAction.Rectify && ManualCorrectionStep.FieldsWithoutAutomaticHome(dataMap.Value, request.Corrections.Keys) is { Count: > 0 } byHand)
        {
            stores.Add(ManualCorrectionStep.Definition);
            await evidence.AppendAsync(requestId, ManualCorrectionsPlanned.Key, new ManualCorrectionsPlanned(byHand), cancellationToken: cancellationToken);
        }

        if (action == ConnectorAction.Erase)
        {
            stores.Add(DsrRecordsStore.Definition);
        }

        var searchedByIp = stores.Any(s => s.EffectiveIdentifiers.Contains(SubjectIdentifier.LoginIp));
        var planned = stores.Select(s => Planned(s) with { RunsLast = action == ConnectorAction.Erase && searchedByIp && dataMap.Value.HoldsLoginHistory(s) });
        return new FulfilmentPlan(action, [.. planned], action == ConnectorAction.Export && stores.Any(s => s.ReviewAccess));
    }

    /// <summary>
    /// A marketing opt-out acts on marketing stores only; an opt-out of sale/sharing on those and on the stores the data
    /// map marks as selling or sharing; every other type on every store.
    /// </summary>
    private bool ActsOn(RequestType type, DataStoreDefinition store) => type switch
    {
        RequestType.OptOut => SuppressesMarketing(store),
        RequestType.SaleSharingOptOut => store.SellsOrShares || SuppressesMarketing(store),
        _ => true,
    };

    private bool SuppressesMarketing(DataStoreDefinition store) =>
        connectors.Any(c => c.SuppressesMarketing && c.Kind.Equals(store.Kind, StringComparison.OrdinalIgnoreCase));

    public static PlannedStore Planned(DataStoreDefinition store) =>
        new(store.Id, store.Retry.MaxAttempts, store.Retry.FirstRetryInterval, store.Retry.BackoffCoefficient, store.Waiting.ConfirmWithin, store.Waiting.RemindEvery,
            FollowsUpClients: store.Kind.Equals(Connectors.ProcessorRouting.ProcessorRoutingConnector.KindName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Computed from receipt, not from the stored deadline, so a re-run of the activity moves it once.</summary>
    private async Task PauseForIdentityWaitAsync(DsrRequest request, CancellationToken cancellationToken)
    {
        var wait = IdentityWait.Measure(await evidence.ReadAsync(request.Id, cancellationToken));
        if (wait is null)
        {
            return;
        }

        var holidays = deadlines.Value.HolidaysFor(request.Jurisdiction);
        var unpaused = request.ExtendedAt is null
            ? LegalCalendar.DueAt(request.Type, request.Jurisdiction, request.ReceivedAt, holidays)
            : LegalCalendar.ExtendedDueAt(request.Jurisdiction, request.ReceivedAt, holidays);
        var dueAt = LegalCalendar.WithIdentityWait(unpaused, wait.Value, IdentityWaitPolicy.Pause);
        if (dueAt != request.DueAt)
        {
            await requests.SetDueAtAsync(request.Id, dueAt, cancellationToken);
            await evidence.AppendAsync(
                request.Id, DeadlinePaused.Key, new DeadlinePaused(Math.Round(wait.Value.TotalDays, 2), request.DueAt, dueAt), cancellationToken: cancellationToken);
        }
    }
}
