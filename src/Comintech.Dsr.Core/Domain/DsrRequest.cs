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

    /// <summary>When the request reached a final status.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>When the retention policy removed the person's identifiers from the row (null: it still keeps them, encrypted).</summary>
    public DateTimeOffset? IdentifiersRemovedAt { get; init; }

    /// <summary>When the request's working copies (raw mail, exports, attachments) were removed under the retention policy.</summary>
    public DateTimeOffset? CopiesRemovedAt { get; init; }

    /// <summary>Which identifiers are bound to the verified person, and how (null: not resolved yet, nothing but the e-mail binds).</summary>
    public Identity.IdentityState? Identity { get; init; }

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

    public static bool IsSupported(string? language) => language is English or Spanish or Portuguese;

    public static string Normalise(string? language) => language is Spanish or Portuguese ? language : English;
}
