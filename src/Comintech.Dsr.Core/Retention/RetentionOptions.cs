namespace Comintech.Dsr.Retention;

/// <summary>Settings under <c>Dsr:Retention</c>: how long the system keeps its own copies of personal data.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Dsr:Retention";

    /// <summary>After the verification window ends, an unverified request keeps the person's identifiers this long.</summary>
    public TimeSpan UnverifiedGrace { get; set; } = TimeSpan.FromDays(2);

    /// <summary>A closed access or correction request (or a denied one) keeps the identifiers this long after it closed, for follow-ups and complaints.</summary>
    public TimeSpan ClosedIdentifiers { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A closed deletion request keeps the identifiers this long (default: none; only keyed hashes stay).</summary>
    public TimeSpan ClosedDeletionIdentifiers { get; set; } = TimeSpan.Zero;

    /// <summary>Raw inbound mail, staff attachments and any working copy are deleted this long after their request closed.</summary>
    public TimeSpan WorkingCopiesAfterClose { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Raw mail that never became a request (ignored, rejected, duplicates) is deleted this long after it arrived.</summary>
    public TimeSpan UnlinkedRawMail { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Partner replay-protection rows (a signature seen) are deleted this long after they were seen.</summary>
    public TimeSpan PartnerReplays { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the purge runs (its durable timer).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    public IEnumerable<string> Validate()
    {
        var limit = TimeSpan.FromDays(3650);
        foreach (var (name, value) in new[]
        {
            (nameof(UnverifiedGrace), UnverifiedGrace), (nameof(ClosedIdentifiers), ClosedIdentifiers),
            (nameof(ClosedDeletionIdentifiers), ClosedDeletionIdentifiers), (nameof(WorkingCopiesAfterClose), WorkingCopiesAfterClose),
            (nameof(UnlinkedRawMail), UnlinkedRawMail), (nameof(PartnerReplays), PartnerReplays),
        })
        {
            if (value < TimeSpan.Zero || value > limit)
            {
                yield return $"Dsr:Retention:{name} must be between 0 and 3650 days.";
            }
        }

        if (Interval < TimeSpan.FromSeconds(5) || Interval > TimeSpan.FromDays(7))
        {
            yield return "Dsr:Retention:Interval must be between 1 minute and 7 days.";
        }
    }
}
