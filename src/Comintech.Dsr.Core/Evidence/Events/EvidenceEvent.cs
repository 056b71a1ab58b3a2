namespace Comintech.Dsr.Evidence.Events;

/// <summary>
/// One kind of fact on a request's evidence chain: a record per <see cref="EvidenceEvents"/> type, serialised as the
/// link's details. Fields are ids, counts, keyed hashes, store ids, outcomes and dates, never personal data; a new kind of
/// fact is a new record and its type in <see cref="EvidenceEvents"/> (the snapshot tests pin each one's JSON, which chains already written and auditors rely on).
/// </summary>
public abstract record EvidenceEvent
{
    protected EvidenceEvent(EvidenceType type) => EventType = type.Name;

    /// <summary>The link's event type, the name of one of <see cref="EvidenceEvents"/> (not part of the details JSON).</summary>
    [JsonIgnore]
    public string EventType { get; }
}

/// <summary>
/// The key that makes an append happen once per request (activities run at least once). Made by the event records'
/// <c>Key</c> factories only, so a re-run of an in-flight workflow finds the link its first run wrote.
/// </summary>
public readonly record struct EvidenceKey
{
    internal EvidenceKey(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;
}
