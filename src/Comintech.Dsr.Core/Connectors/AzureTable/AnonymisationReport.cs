namespace Comintech.Dsr.Connectors.AzureTable;

/// <summary>
/// What an anonymisation leaves behind, by property name only (it goes into outcome notes and evidence): the fields
/// overwritten, the fields kept for the stated legal reason, the fields the data map does not list as personal (left as
/// they are; named as identifying where they hold the person's e-mail or account id), and row keys that hold an
/// identifier (a table row's keys cannot be rewritten in place).
/// </summary>
public static class AnonymisationReport
{
    public static string Describe(IReadOnlyList<TableEntity> entities, IReadOnlyList<string> anonymised, ActionPolicy policy, DataSubject subject)
    {
        var present = entities.SelectMany(e => e.Keys).Where(k => !TableEntityCopy.SystemColumns.Contains(k)).ToHashSet(StringComparer.Ordinal);
        var kept = policy.KeepFields.Where(present.Contains).ToList();
        var unlisted = present.Where(p => !anonymised.Contains(p) && !policy.KeepFields.Contains(p)).Order(StringComparer.Ordinal).ToList();
        var identifying = unlisted.Where(p => entities.Any(e => Identifies(e.TryGetValue(p, out var v) ? v as string : null, subject))).ToList();
        var keys = new[] { "PartitionKey", "RowKey" }.Where(k => entities.Any(e => Identifies(e.TryGetValue(k, out var v) ? v as string : null, subject))).ToList();

        var parts = new List<string> { $"Anonymised properties: {string.Join(", ", anonymised.Where(present.Contains))}." };
        if (kept.Count > 0)
        {
            parts.Add($"Kept as they are for the stated legal reason: {string.Join(", ", kept)}.");
        }

        if (unlisted.Count > 0)
        {
            parts.Add($"Not listed as personal in the data map, left as they are: {string.Join(", ", unlisted)}"
                + (identifying.Count > 0 ? $" (of these, {string.Join(", ", identifying)} still hold an identifier: list them in AnonymiseProperties)." : "."));
        }

        if (keys.Count > 0)
        {
            parts.Add($"Row keys still holding an identifier: {string.Join(", ", keys)} (a row's keys cannot be rewritten in place).");
        }

        return string.Join(" ", parts);
    }

    private static bool Identifies(string? value, DataSubject subject) =>
        value is { Length: > 0 }
        && (value.Contains(subject.NormalisedEmail, StringComparison.OrdinalIgnoreCase)
            || (subject.AccountId is { } account && string.Equals(value, account, StringComparison.OrdinalIgnoreCase)));
}
