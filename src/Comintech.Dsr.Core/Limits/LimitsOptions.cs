namespace Comintech.Dsr.Limits;

/// <summary>
/// Abuse limits (section <c>Dsr:Limits</c>): per client IP, held in process, and per e-mail address (keyed hash),
/// held in storage so they hold across every instance of a scaled-out app. Benchmarks and chaos runs raise them.
/// </summary>
public sealed class LimitsOptions
{
    public const string Section = "Dsr:Limits";

    /// <summary>The window over which a client IP's requests are counted.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PerIpWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>POSTs one client IP may make per <see cref="PerIpWindow"/> (submissions, codes, partners, the inbox).</summary>
    [Range(1, 1_000_000)]
    public int PerIpWrites { get; set; } = 20;

    /// <summary>Other requests (pages, status, staff reads) one client IP may make per <see cref="PerIpWindow"/>.</summary>
    [Range(1, 1_000_000)]
    public int PerIpReads { get; set; } = 300;

    /// <summary>
    /// A header the proxy in front sets to the client's address (e.g. <c>X-Azure-ClientIP</c> behind Front Door, or
    /// <c>X-Forwarded-For</c>, whose last entry is used). Empty: the connection's address.
    /// </summary>
    public string? ClientIpHeader { get; set; }

    /// <summary>Verification codes mailed to one address in 24 hours, over all its requests. Legally required notices are never counted.</summary>
    [Range(1, 10_000)]
    public int CodeMailsPerAddressPerDay { get; set; } = 6;

    /// <summary>Wrong codes tried for one address in 24 hours, over all its requests.</summary>
    [Range(1, 10_000)]
    public int FailedCodesPerAddressPerDay { get; set; } = 10;
}
