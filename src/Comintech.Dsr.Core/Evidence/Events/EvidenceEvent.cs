using System.Globalization;
using System.Text.Json.Serialization;

namespace Comintech.Dsr.Evidence.Events;

/// <summary>
/// One kind of fact on a request's evidence chain: a record per <see cref="EvidenceEvents"/> type, serialised as the
/// link's details. Fields are ids, counts, keyed hashes, store ids, outcomes and dates, never personal data; a new kind of
/// fact is a new record (the snapshot tests pin each one's JSON, which chains already written and auditors rely on).
/// </summary>
public abstract record EvidenceEvent
{
    protected EvidenceEvent(string eventType) => EventType = eventType;

    /// <summary>The link's event type, one of <see cref="EvidenceEvents"/> (not part of the details JSON).</summary>
    [JsonIgnore]
    public string EventType { get; }

    /// <summary>One English sentence for auditors and staff, from this event's fields alone.</summary>
    public abstract string Describe();

    protected static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected static string Day(DateTime at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    protected static string Tally(IEnumerable<StoreTally> stores) =>
        string.Join(", ", stores.Select(s => $"{s.StoreId} {s.Kind} ({s.RecordsAffected} affected)"));
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
