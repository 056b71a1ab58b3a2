namespace Comintech.Dsr.Connectors.AzureTable;

/// <summary>
/// A keyed lookup (<c>Lookup = Key</c>): the person's entity is read by its partition and row key, built from the
/// templates <c>PartitionKey</c> and <c>RowKey</c> with the placeholders <c>{AccountId}</c> and <c>{Email}</c>
/// (the bound account id; the address as given and normalised). One single-entity read per key, whatever the table's size.
/// </summary>
internal sealed record TableKeyLookup(string PartitionKey, string RowKey)
{
    private const string AccountId = "{AccountId}";
    private const string Email = "{Email}";

    public static TableKeyLookup? From(DataStoreDefinition store)
    {
        var lookup = store.Setting("Lookup") ?? "Scan";
        if (lookup.Equals("Scan", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!lookup.Equals("Key", StringComparison.OrdinalIgnoreCase))
        {
            throw new ConnectorException($"Store '{store.Id}': Lookup must be Scan or Key.");
        }

        var keys = new TableKeyLookup(store.Setting("PartitionKey") ?? AccountId, store.Setting("RowKey") ?? AccountId);
        if (!keys.Uses(AccountId) && !keys.Uses(Email))
        {
            throw new ConnectorException($"Store '{store.Id}': PartitionKey or RowKey must contain {AccountId} or {Email}.");
        }

        return keys;
    }

    /// <summary>
    /// The keys to read for <paramref name="subject"/>; null when a template needs an identifier the subject has not
    /// bound (the connector then scans, as without a key).
    /// </summary>
    public IReadOnlyList<(string PartitionKey, string RowKey)>? For(DataSubject subject)
    {
        if (Uses(AccountId) && subject.AccountId is null)
        {
            return null;
        }

        var emails = Uses(Email) ? new[] { subject.NormalisedEmail, subject.Email }.Distinct(StringComparer.Ordinal) : [subject.Email];
        var keys = emails.Select(email => (Fill(PartitionKey, subject.AccountId, email), Fill(RowKey, subject.AccountId, email))).Distinct().ToList();
        if (keys.Any(k => !IsKey(k.Item1) || !IsKey(k.Item2)))
        {
            throw new ConnectorException("An identifier cannot be used as a table key (it holds a character keys do not allow).");
        }

        return keys;
    }

    private bool Uses(string placeholder) =>
        PartitionKey.Contains(placeholder, StringComparison.Ordinal) || RowKey.Contains(placeholder, StringComparison.Ordinal);

    private static string Fill(string template, string? accountId, string email) =>
        template.Replace(AccountId, accountId, StringComparison.Ordinal).Replace(Email, email, StringComparison.Ordinal);

    // Azure Tables refuses / \ # ? and control characters in keys, and keys over 1 KiB.
    private static bool IsKey(string key) =>
        key.Length is > 0 and <= 512 && !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
}
