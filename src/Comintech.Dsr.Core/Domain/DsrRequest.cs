namespace Comintech.Dsr.Domain;

/// <summary>
/// The person's identifiers as they gave them. This is personal data: it lives only in the request store
/// and in memory while an activity works; it never enters orchestration history or logs.
/// </summary>
public sealed record DataSubject
{
    public DataSubject(string email, string fullName, string? accountId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(fullName);
        Email = email.Trim();
        FullName = fullName.Trim();
        AccountId = string.IsNullOrWhiteSpace(accountId) ? null : accountId.Trim();
    }

    public string Email { get; }

    public string FullName { get; }

    public string? AccountId { get; }

    public string NormalisedEmail => Email.ToLowerInvariant();

    /// <summary>Stands for the person on a minimised request row, whose identifiers were removed under the retention policy.</summary>
    public static DataSubject Removed { get; } = new("removed@identifiers-removed.invalid", "(identifiers removed)", null);

    public override string ToString() => "DataSubject { redacted }";
}

/// <summary>One data subject request as the request store holds it.</summary>
public sealed record DsrRequest
{
    public DsrRequest(
        string id,
        RequestType type,
        IntakeChannel channel,
        Jurisdiction jurisdiction,
        string language,
        DateTimeOffset receivedAt,
        DateTimeOffset dueAt,
        RequestStatus status,
        DataSubject subject,
        string? details,
        IReadOnlyDictionary<string, string> corrections)
    {
        if (!RequestId.IsWellFormed(id))
        {
            throw new ArgumentException("A request id must be 27 base64url characters.", nameof(id));
        }

        if (dueAt < receivedAt)
        {
            throw new ArgumentException("The due date cannot precede receipt.", nameof(dueAt));
        }

        Id = id;
        Type = type;
        Channel = channel;
        Jurisdiction = jurisdiction;
        Language = Languages.Normalise(language);
        ReceivedAt = receivedAt;
        DueAt = dueAt;
        Status = status;
        Subject = subject ?? throw new ArgumentNullException(nameof(subject));
        Details = details;
        Corrections = corrections ?? throw new ArgumentNullException(nameof(corrections));
    }

    public string Id { get; }

    public RequestType Type { get; }

    public IntakeChannel Channel { get; }

    public Jurisdiction Jurisdiction { get; }

    public string Language { get; }

    public DateTimeOffset ReceivedAt { get; }

    public DateTimeOffset DueAt { get; }

    public RequestStatus Status { get; init; }

    public DataSubject Subject { get; }

    public string? Details { get; }

    public IReadOnlyDictionary<string, string> Corrections { get; }

    /// <summary>What the inbox classifier suggested for an e-mail (e.g. opt-out, unclear); non-personal.</summary>
    public string? SuggestedClassification { get; init; }

    /// <summary>When staff extended the deadline (null: not extended). <see cref="DueAt"/> is then the extended one.</summary>
    public DateTimeOffset? ExtendedAt { get; init; }

    /// <summary>Staff's reason for the extension, as sent to the person.</summary>
    public string? ExtensionReason { get; init; }

    /// <summary>Staff's reason for a denial, as sent to the person.</summary>
    public string? DenialReason { get; init; }

    /// <summary>Stores staff refused to act on (a partial refusal): store id → the reason sent to the person.</summary>
    public IReadOnlyDictionary<string, string> RefusedStores { get; init; } = new Dictionary<string, string>();

    /// <summary>When the request reached a final status.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>When the retention policy removed the person's identifiers from the row (null: it still keeps them, encrypted).</summary>
    public DateTimeOffset? IdentifiersRemovedAt { get; init; }

    /// <summary>When the request's working copies (raw mail, exports, attachments) were removed under the retention policy.</summary>
    public DateTimeOffset? CopiesRemovedAt { get; init; }

    /// <summary>Which identifiers are bound to the verified person, and how (null: not resolved yet, nothing but the e-mail binds).</summary>
    public IdentityState? Identity { get; init; }

    /// <summary>
    /// The identifiers a connector may search: the verified e-mail and an account id only where it is bound. The
    /// account id as the person gave it (<see cref="DataSubject.AccountId"/>) is never searched on its own.
    /// </summary>
    public DataSubject BoundSubject => new(Subject.Email, Subject.FullName, Identity?.BoundAccountId);
}

public static class Languages
{
    public const string English = "en";
    public const string Spanish = "es";
    public const string Portuguese = "pt";

    public static IReadOnlyList<string> All { get; } = [English, Spanish, Portuguese];

    public static bool IsSupported(string? language) => language is English or Spanish or Portuguese;

    public static string Normalise(string? language) => IsSupported(language) ? language! : English;

    /// <summary>
    /// The first supported language of an <c>Accept-Language</c> header, by its q-values (e.g. <c>pt-BR,pt;q=0.9,en;q=0.8</c>
    /// gives pt); null when it names none.
    /// </summary>
    public static string? FromAcceptLanguage(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Length > 500)
        {
            return null;
        }

        var ranked = header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select((part, order) =>
            {
                var pieces = part.Split(';', StringSplitOptions.TrimEntries);
                var quality = pieces.Skip(1).Select(p => p.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                    && double.TryParse(p[2..], System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var q) ? q : (double?)null)
                    .FirstOrDefault(q => q is not null) ?? 1;
                var primary = pieces[0].Split('-')[0].ToLowerInvariant();
                return (primary, quality, order);
            })
            .Where(l => l.quality > 0 && IsSupported(l.primary))
            .OrderByDescending(l => l.quality)
            .ThenBy(l => l.order);
        return ranked.Select(l => l.primary).FirstOrDefault();
    }
}
