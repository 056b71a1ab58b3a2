namespace Comintech.Dsr.Connectors;

/// <summary>How a recipient hears of an erasure or rectification (GDPR Art. 19).</summary>
public enum RecipientChannel
{
    /// <summary>The privacy team gets a task to tell the recipient (the default, also for recipients given as plain text).</summary>
    StaffTask,

    /// <summary>A signed POST to the recipient's endpoint, as partners get (<c>X-Dsr-Signature</c>).</summary>
    Webhook,

    /// <summary>An e-mail to the recipient's privacy contact.</summary>
    Email,

    /// <summary>Receives data only on a legal demand (e.g. a tax authority): not notified, and the evidence says why.</summary>
    LegalDemandOnly,
}

/// <summary>
/// A named recipient of personal data (<c>DataMap:Recipients</c>). A store's <c>Recipients</c> name them by id or name;
/// a name that matches no entry (the older plain-text form) stands for a recipient told through a staff task.
/// </summary>
public sealed class RecipientDefinition
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public RecipientChannel Notify { get; set; } = RecipientChannel.StaffTask;

    /// <summary>For <see cref="RecipientChannel.Webhook"/>: the recipient's absolute https URL.</summary>
    public string? Endpoint { get; set; }

    /// <summary>For <see cref="RecipientChannel.Email"/>: the recipient's privacy contact.</summary>
    public string? Email { get; set; }

    /// <summary>For <see cref="RecipientChannel.Webhook"/>: the configuration key holding the shared signing secret (16+ characters).</summary>
    public string? SecretName { get; set; }

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Id) || !Id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            yield return "Id is required and may hold only letters, digits and '-'.";
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return "Name is required (it is what the person is told).";
        }

        if (Notify == RecipientChannel.Webhook
            && (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("https" or "http") || string.IsNullOrWhiteSpace(SecretName)))
        {
            yield return "Notify Webhook needs Endpoint (an absolute https URL) and SecretName.";
        }

        if (Notify == RecipientChannel.Email && !System.Net.Mail.MailAddress.TryCreate(Email, out _))
        {
            yield return "Notify Email needs Email (the recipient's privacy contact).";
        }
    }

    /// <summary>The recipients of the given stores, each once: named entries, or plain text read as a staff-task recipient.</summary>
    public static IReadOnlyList<RecipientDefinition> Of(DataMapOptions dataMap, IEnumerable<string> storeIds)
    {
        var found = new Dictionary<string, RecipientDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var store in storeIds.Select(dataMap.Get))
        {
            foreach (var named in store.Recipients.Where(r => !string.IsNullOrWhiteSpace(r)))
            {
                var recipient = dataMap.Recipients.FirstOrDefault(r =>
                    string.Equals(r.Id, named.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(r.Name, named.Trim(), StringComparison.OrdinalIgnoreCase))
                    ?? new RecipientDefinition { Id = "text-" + Slug(named), Name = named.Trim() };
                found.TryAdd(recipient.Id, recipient);
            }
        }

        return [.. found.Values];
    }

    private static string Slug(string text) =>
        new string([.. text.Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-') is { Length: > 0 } slug
            ? slug[..Math.Min(slug.Length, 60)] : "recipient";
}
