namespace Comintech.Dsr.Evidence;

/// <summary>
/// A link's stored details and who acted, read leniently for its sentence: a missing or differently typed property is
/// null, so links written before a field existed still read.
/// </summary>
public readonly struct EvidenceDetails(JsonElement root, string actor)
{
    /// <summary>Who acted: a staff member's name without the <c>staff:</c> prefix, else the actor as written.</summary>
    public string Actor => actor.StartsWith("staff:", StringComparison.Ordinal) ? actor["staff:".Length..] : actor;

    public string? Text(string name) => Get(name) is { ValueKind: JsonValueKind.String } e ? e.GetString() : null;

    public long? Number(string name) => Get(name) is { ValueKind: JsonValueKind.Number } e && e.TryGetInt64(out var n) ? n : null;

    public string Day(string name) => Get(name) is { ValueKind: JsonValueKind.String } e && e.TryGetDateTimeOffset(out var at)
        ? at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : "?";

    /// <summary>A list of strings, or of objects' <paramref name="property"/>, joined with commas.</summary>
    public string List(string name, string? property = null) => Get(name) is { ValueKind: JsonValueKind.Array } e
        ? string.Join(", ", e.EnumerateArray().Select(i => property is not null && i.ValueKind == JsonValueKind.Object && i.TryGetProperty(property, out var p) ? p.ToString() : i.ToString()))
        : "";

    private JsonElement? Get(string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) ? value : null;
}
