namespace Comintech.Dsr.Verification;

/// <summary>Settings under <c>Dsr:Verification</c>: the e-mailed codes and how long a request waits for one.</summary>
public sealed class VerificationOptions
{
    public const string Section = "Dsr:Verification";

    /// <summary>How long one code stays valid.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CodeTtl { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long the request waits for the person to verify before it ends IdentityNotVerified.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "60.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Wrong codes allowed before the current code is locked.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Least time between two codes sent for one request.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ResendInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Most codes sent for one request, the first included.</summary>
    [Range(1, 20)]
    public int MaxCodesSent { get; set; } = 5;
}
