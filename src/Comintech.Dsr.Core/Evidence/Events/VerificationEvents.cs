namespace Comintech.Dsr.Evidence.Events;

/// <summary>Code number <paramref name="Issue"/> was sent (its message key and how long it is valid).</summary>
public sealed record VerificationSent(int Issue, string Message, double TtlMinutes) : EvidenceEvent(EvidenceEvents.VerificationSent)
{
    public static EvidenceKey Key(int issue) => new($"code-{issue}");
}

/// <summary>Code number <paramref name="Issue"/> was not sent: the address reached its daily cap of code mails.</summary>
public sealed record VerificationHeld(int Issue, string Reason) : EvidenceEvent(EvidenceEvents.VerificationHeld)
{
    public static EvidenceKey Key(int issue) => new($"code-{issue}-held");

    public static VerificationHeld DailyCap(int issue) => new(issue, "daily-code-mail-cap");
}

/// <summary>The person proved the address: by a code, or by the smoke test's key.</summary>
public sealed record VerificationSucceeded : EvidenceEvent
{
    private VerificationSucceeded(string channel)
        : base(EvidenceEvents.VerificationSucceeded) => Channel = channel;

    public static VerificationSucceeded ByCode { get; } = new("code");

    public static VerificationSucceeded BySmokeKey { get; } = new("smoke-key");

    public string Channel { get; }

    public static EvidenceKey Key => new("verified");
}

/// <summary>A wrong code was tried; how many attempts are left.</summary>
public sealed record VerificationFailed(int AttemptsLeft) : EvidenceEvent(EvidenceEvents.VerificationFailed)
{
    /// <summary>Every attempt is its own link.</summary>
    public static EvidenceKey Key() => new("verify-failed-" + Domain.RequestId.New());
}

/// <summary>A code was tried after too many wrong ones.</summary>
public sealed record VerificationLocked() : EvidenceEvent(EvidenceEvents.VerificationLocked)
{
    public static EvidenceKey Key() => new("verify-locked-" + Domain.RequestId.New());
}

/// <summary>An expired code was tried.</summary>
public sealed record VerificationExpired() : EvidenceEvent(EvidenceEvents.VerificationExpired)
{
    public static EvidenceKey Key() => new("verify-expired-" + Domain.RequestId.New());
}

/// <summary>The verification window closed without proof; the notice's message key.</summary>
public sealed record IdentityNotVerified(string Message) : EvidenceEvent(EvidenceEvents.IdentityNotVerified)
{
    public static EvidenceKey Key => new("not-verified");
}

/// <summary>The request type is acted on without a code, and the rule that says so.</summary>
public sealed record VerificationNotRequired : EvidenceEvent
{
    private VerificationNotRequired(string basis)
        : base(EvidenceEvents.VerificationNotRequired) => Basis = basis;

    /// <summary>An opt-out of sale/sharing proves no address and is not verified.</summary>
    public static VerificationNotRequired OptOut { get; } = new("CCPA regulations §7026(d): an opt-out of sale/sharing is not verified");

    public string Basis { get; }

    public static EvidenceKey Key => new("verification-not-required");
}
