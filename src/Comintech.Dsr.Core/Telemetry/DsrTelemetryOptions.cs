namespace Comintech.Dsr.Telemetry;

/// <summary>Settings under <c>Dsr:Telemetry</c>.</summary>
public sealed class DsrTelemetryOptions
{
    public const string Section = "Dsr:Telemetry";

    /// <summary>Write spans and metrics to the console (local diagnosis). Off by default so test output stays quiet.</summary>
    public bool Console { get; set; }

    /// <summary>How often the overdue-requests gauge is recounted from the request store.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan OverdueRefresh { get; set; } = TimeSpan.FromMinutes(15);
}
