namespace Comintech.Dsr.Evidence.Events;

/// <summary>
/// What one store did for the request: the store id, action, outcome, counts, the connector's note (which by contract
/// names no person) and the path of any export. The four store event types share this shape.
/// </summary>
public abstract record StoreOutcomeEvidence : EvidenceEvent
{
    protected StoreOutcomeEvidence(ConnectorOutcome outcome, EvidenceType type)
        : base(type) => Outcome = outcome;

    [JsonIgnore]
    public ConnectorOutcome Outcome { get; }

    public string StoreId => Outcome.StoreId;

    public ConnectorAction Action => Outcome.Action;

    public OutcomeKind Kind => Outcome.Kind;

    public int RecordsFound => Outcome.RecordsFound;

    public int RecordsAffected => Outcome.RecordsAffected;

    public string? Note => Outcome.Note;

    public string? ArtifactPath => Outcome.ArtifactPath;

    public DateTimeOffset CompletedAt => Outcome.CompletedAt;

    /// <summary>The key of a store outcome's link, from the connector call's idempotency key.</summary>
    public static EvidenceKey Key(string connectorKey) => new("store:" + connectorKey);
}

/// <summary>A store's outcome (read back by re-runs and the staff view).</summary>
public sealed record StoreOutcomeRecorded(ConnectorOutcome Outcome) : StoreOutcomeEvidence(Outcome, EvidenceEvents.StoreOutcome)
{
    /// <summary>A staff re-run of one store is its own link.</summary>
    public static EvidenceKey RerunKey(string rerunId) => new("rerun:" + rerunId);
}

/// <summary>An erasure applied again to a store restored from backup.</summary>
public sealed record StoreReapplied(ConnectorOutcome Outcome) : StoreOutcomeEvidence(Outcome, EvidenceEvents.StoreReapplied);

/// <summary>A waiting store's partner or staff confirmed what was done.</summary>
public sealed record StoreConfirmed(ConnectorOutcome Outcome) : StoreOutcomeEvidence(Outcome, EvidenceEvents.StoreConfirmed);

/// <summary>A waiting store did not answer in time and went to staff.</summary>
public sealed record StoreEscalated(ConnectorOutcome Outcome) : StoreOutcomeEvidence(Outcome, EvidenceEvents.StoreEscalated);

/// <summary>One corrected field: its name, the store's column, and a keyed hash of the new value (never the value).</summary>
public sealed record CorrectedField(string Field, string? StoreField, string NewValueHash);

/// <summary>Which fields a correction changed in a store (GDPR Art. 16, 19).</summary>
public sealed record CorrectionApplied(string StoreId, IReadOnlyList<CorrectedField> Fields) : EvidenceEvent(EvidenceEvents.CorrectionApplied)
{
    public static EvidenceKey Key(string connectorKey) => new("corrected:" + connectorKey);
}

/// <summary>Requested fields no store corrects automatically (names only), handed to staff as one manual step.</summary>
public sealed record ManualCorrectionsPlanned(IReadOnlyList<string> Fields) : EvidenceEvent(EvidenceEvents.ManualCorrectionsPlanned)
{
    public static EvidenceKey Key => new("manual-corrections");
}

/// <summary>Stores staff refused before fulfilment, left out of the plan (ids, in order).</summary>
public sealed record RefusedStoresSkipped(IReadOnlyList<string> Stores) : EvidenceEvent(EvidenceEvents.RefusedStoresSkipped)
{
    public static EvidenceKey Key => new("refused-stores-skipped");
}

/// <summary>A hosting store's match was forwarded to the Client that controls the data: ids, channel, legal basis, how many matched.</summary>
public sealed record ClientForwarded : EvidenceEvent
{
    public ClientForwarded(string storeId, string clientId, string channel, int found)
        : base(EvidenceEvents.ClientForwarded) => (StoreId, ClientId, Channel, Found) = (storeId, clientId, channel, found);

    public string StoreId { get; }

    public string ClientId { get; }

    public string Channel { get; }

    public string Basis => ClientForwarder.Basis;

    public int Found { get; }

    public static EvidenceKey Key(string storeId, string clientId) => new($"client-forwarded:{storeId}.{clientId}");
}

/// <summary>A Client that had not answered was reminded (which reminder).</summary>
public sealed record ClientReminded(string StoreId, string ClientId, int Reminder) : EvidenceEvent(EvidenceEvents.ClientReminded)
{
    public static EvidenceKey Key(string storeId, string clientId, int reminder) => new($"client-reminded:{storeId}.{clientId}.{reminder}");
}

/// <summary>A Client that never answered went to staff after its reminders.</summary>
public sealed record ClientEscalated(string StoreId, string ClientId, int Reminders) : EvidenceEvent(EvidenceEvents.ClientEscalated)
{
    public static EvidenceKey Key(string storeId, string clientId) => new($"client-escalated:{storeId}.{clientId}");
}

/// <summary>A Client answered: its outcome and how many records it changed.</summary>
public sealed record ClientAnswered(string StoreId, string ClientId, OutcomeKind Outcome, int RecordsAffected) : EvidenceEvent(EvidenceEvents.ClientAnswered)
{
    public static EvidenceKey Key(string storeId, string clientId) => new($"client-answered:{storeId}.{clientId}");
}
