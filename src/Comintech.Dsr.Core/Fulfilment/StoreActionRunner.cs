namespace Comintech.Dsr.Fulfilment;

/// <summary>
/// Runs one store's action through its connector. The outcome is kept under the idempotency key, so a re-run
/// returns the first outcome instead of acting twice; it is also appended to the evidence chain under that key, at
/// once or (<see cref="EvidenceTiming.AtFinalise"/>) by <c>FinaliseRequest</c>, which appends every store's outcome
/// in plan order so parallel stores never contend for the chain's head. A re-run that finds the outcome kept still
/// makes sure its link exists (the append is keyed), so a crash between the two writes loses nothing.
/// Failures leave as a <see cref="ConnectorException"/> whose message holds no personal data (the engine stores it).
/// </summary>
public sealed partial class StoreActionRunner(
    RequestStore requests,
    IOptions<DataMapOptions> dataMap,
    IEnumerable<IDataStoreConnector> connectors,
    DsrStorage storage,
    EvidenceLedger evidence,
    LoginHistoryLookup loginHistory,
    IdentifierHasher hasher,
    ILogger<StoreActionRunner> logger)
{
    /// <param name="request">The request as read once for several stores (a store batch); read here when null.</param>
    public async Task<ConnectorOutcome> RunAsync(
        StoreActionInput input, string key, Func<ConnectorOutcome, StoreOutcomeEvidence> toEvidence, CancellationToken cancellationToken,
        EvidenceTiming timing = EvidenceTiming.Now, DsrRequest? request = null)
    {
        if (await RecordedAsync(input.RequestId, key, toEvidence, cancellationToken, timing) is { } earlier)
        {
            return earlier;
        }

        var (connector, connectorRequest) = await PrepareAsync(input, key, cancellationToken, request);
        ConnectorOutcome outcome;
        using var span = DsrTelemetry.StartConnectorCall(input.RequestId, input.StoreId, input.Action.ToString());
        try
        {
            outcome = connectorRequest.Policy.Mode == ActionMode.Retained && input.Action != ConnectorAction.Erase
                ? connectorRequest.Outcome(OutcomeKind.Done, 0, 0, "Not changed.", null, DateTimeOffset.UtcNow)
                : input.Action switch
            {
                ConnectorAction.Export => await connector.ExportAsync(connectorRequest, cancellationToken),
                ConnectorAction.Rectify => await connector.RectifyAsync(connectorRequest, cancellationToken),
                ConnectorAction.Erase => await connector.EraseAsync(connectorRequest, cancellationToken),
                ConnectorAction.Suppress => await connector.SuppressAsync(connectorRequest, cancellationToken),
                _ => throw new ConnectorException($"Action {input.Action} is unknown."),
            };
        }
        catch (ConnectorException ex)
        {
            DsrTelemetry.Failed(span, ex);
            LogFailed(logger, input.RequestId, input.StoreId, nameof(ConnectorException));
            throw new ConnectorException(ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Messages of other exceptions may quote the identifiers searched for: keep only their type and status.
            var status = ex is RequestFailedException rfe ? $" (HTTP {rfe.Status} {rfe.ErrorCode})" : "";
            DsrTelemetry.Failed(span, ex);
            LogFailed(logger, input.RequestId, input.StoreId, ex.GetType().Name + status);
            throw new ConnectorException($"{ex.GetType().Name}{status}");
        }

        span?.SetTag(DsrTelemetry.OutcomeTag, outcome.Kind.ToString());
        if (input.Action == ConnectorAction.Rectify && outcome.Kind == OutcomeKind.Done)
        {
            await RecordCorrectionsAsync(connectorRequest, cancellationToken);
        }

        return await RecordAsync(input.RequestId, key, toEvidence, RetentionApplied(connectorRequest, outcome), cancellationToken, timing);
    }

    /// <summary>
    /// The connector for the store (the manual-step connector where the data map says the action is Manual) and
    /// the request it gets, with the person's bound identifiers read from the request store.
    /// </summary>
    public async Task<(IDataStoreConnector Connector, ConnectorRequest Request)> PrepareAsync(
        StoreActionInput input, string key, CancellationToken cancellationToken, DsrRequest? request = null)
    {
        var store = dataMap.Value.Get(input.StoreId);
        var kind = store.PolicyFor(input.Action).Mode == ActionMode.Manual ? ManualStepConnector.KindName : store.Kind;
        var connector = connectors.FirstOrDefault(c => string.Equals(c.Kind, kind, StringComparison.OrdinalIgnoreCase))
            ?? throw new ConnectorException($"No connector serves kind '{kind}'.");
        request ??= await ReadRequestAsync(input.RequestId, cancellationToken);
        if (request.IdentifiersRemovedAt is not null)
        {
            throw new ConnectorException("The request's identifiers were removed under the retention policy; a new request is needed.");
        }

        // Only bound identifiers leave the request store: an account id the person named but did not prove is never searched.
        var subject = request.BoundSubject;
        var connectorRequest = new ConnectorRequest(input.RequestId, store, input.Action, key, subject, request.Corrections);
        if (connectorRequest.Uses(SubjectIdentifier.LoginIp))
        {
            connectorRequest = connectorRequest with { LoginIps = await loginHistory.FindAsync(subject, cancellationToken) };
        }

        return (connector, connectorRequest);
    }

    /// <summary>The request the stores act for: one read serves every store of a batch.</summary>
    public Task<DsrRequest> ReadRequestAsync(string requestId, CancellationToken cancellationToken) => requests.GetAsync(requestId, cancellationToken);

    /// <summary>Keeps an outcome under its key (a re-run returns it) and appends it to the evidence chain once.</summary>
    public async Task<ConnectorOutcome> RecordAsync(
        string requestId, string key, Func<ConnectorOutcome, StoreOutcomeEvidence> toEvidence, ConnectorOutcome outcome, CancellationToken cancellationToken, EvidenceTiming timing = EvidenceTiming.Now)
    {
        await storage.ConnectorRuns.UpsertEntityAsync(RecordRows.Write(requestId, key, outcome), TableUpdateMode.Replace, cancellationToken);
        return await EnsureEvidenceAsync(requestId, key, toEvidence, outcome, timing, cancellationToken);
    }

    /// <summary>
    /// The outcome an earlier run kept under <paramref name="key"/>, with its evidence link written if that run stopped
    /// between the two writes; null when no run finished.
    /// </summary>
    public async Task<ConnectorOutcome?> RecordedAsync(
        string requestId, string key, Func<ConnectorOutcome, StoreOutcomeEvidence> toEvidence, CancellationToken cancellationToken, EvidenceTiming timing = EvidenceTiming.Now) =>
        await EarlierAsync(requestId, key, cancellationToken) is { } earlier
            ? await EnsureEvidenceAsync(requestId, key, toEvidence, earlier, timing, cancellationToken)
            : null;

    // A waiting store's link goes in at once: its wait may outlast everything else, and the link says a partner was asked.
    private async Task<ConnectorOutcome> EnsureEvidenceAsync(
        string requestId, string key, Func<ConnectorOutcome, StoreOutcomeEvidence> toEvidence, ConnectorOutcome outcome, EvidenceTiming timing, CancellationToken cancellationToken)
    {
        if (timing == EvidenceTiming.Now || outcome.Kind == OutcomeKind.Waiting)
        {
            await evidence.AppendAsync(requestId, StoreOutcomeEvidence.Key(key), toEvidence(outcome), cancellationToken: cancellationToken);
        }

        return outcome;
    }

    /// <summary>
    /// Which fields a correction changed in a store, each with a keyed hash of its new value: enough to show later
    /// that a value was applied, never the value itself (Art. 16, 19).
    /// </summary>
    private async Task RecordCorrectionsAsync(ConnectorRequest request, CancellationToken cancellationToken)
    {
        var fields = request.Corrections
            .Where(c => request.Store.Fields.ContainsKey(c.Key) || request.Store.Fields.Count == 0)
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new CorrectedField(c.Key, request.Store.Fields.GetValueOrDefault(c.Key), hasher.Hash(c.Value)))
            .ToList();
        await evidence.AppendAsync(
            request.RequestId, CorrectionApplied.Key(request.IdempotencyKey), new CorrectionApplied(request.Store.Id, fields), cancellationToken: cancellationToken);
    }

    /// <summary>The outcome kept under a key by an earlier run, if any.</summary>
    public async Task<ConnectorOutcome?> EarlierAsync(string requestId, string key, CancellationToken cancellationToken)
    {
        var earlier = await storage.ConnectorRuns.GetEntityIfExistsAsync<TableEntity>(requestId, key, cancellationToken: cancellationToken);
        return earlier.HasValue ? RecordRows.Read<ConnectorOutcome>(earlier.Value!) : null;
    }

    /// <summary>Data kept under a Retained policy is reported as retained, with the legal reason the data map states.</summary>
    private static ConnectorOutcome RetentionApplied(ConnectorRequest request, ConnectorOutcome outcome)
    {
        var policy = request.Policy;
        if (policy.Mode != ActionMode.Retained || outcome.Kind != OutcomeKind.Done)
        {
            return outcome;
        }

        var kept = policy.KeepFields.Count > 0 ? $" Kept: {string.Join(", ", policy.KeepFields)}." : "";
        return outcome with { Kind = OutcomeKind.Retained, Note = $"Retained: {policy.Reason}.{kept} {outcome.Note}".Trim() };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId}: store {StoreId} failed with {Failure}")]
    private static partial void LogFailed(ILogger logger, string requestId, string storeId, string failure);
}

/// <summary>When a store outcome's evidence link is written.</summary>
public enum EvidenceTiming
{
    /// <summary>By the activity that kept the outcome.</summary>
    Now,

    /// <summary>By FinaliseRequest, with every other store's outcome, in plan order (a waiting store's link still at once).</summary>
    AtFinalise,
}
