namespace Comintech.Dsr.Deadlines;

/// <summary>Time spent waiting on the person to prove identity (GDPR Art. 12(6)), as the evidence records it.</summary>
public static class IdentityWait
{
    /// <summary>From the first code sent to the successful verification; null while not verified.</summary>
    public static TimeSpan? Measure(IReadOnlyList<EvidenceRecord> evidence)
    {
        var sent = evidence.FirstOrDefault(e => e.Is(EvidenceEvents.VerificationSent))?.OccurredAt;
        var verified = evidence.FirstOrDefault(e => e.Is(EvidenceEvents.VerificationSucceeded))?.OccurredAt;
        return sent is null || verified is null || verified < sent ? null : verified.Value - sent.Value;
    }
}
