namespace Comintech.Dsr.Fulfilment.Access;

/// <summary>Settings of access packages (<c>Dsr:AccessPackage</c>).</summary>
public sealed class AccessPackageOptions
{
    public const string Section = "Dsr:AccessPackage";

    /// <summary>How long the e-mailed download link works. Keep it within the container's lifecycle rule (<c>accessPackageDays</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan LinkTtl { get; set; } = TimeSpan.FromDays(7);
}
