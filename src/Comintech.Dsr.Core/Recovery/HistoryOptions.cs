namespace Comintech.Dsr.Recovery;

/// <summary>
/// Settings under <c>Dsr:History</c>: how long finished orchestrations keep their history in the task hub. The purge runs
/// in each pass of the retention schedule (<c>Dsr:Retention:Interval</c>).
/// </summary>
public sealed class HistoryOptions
{
    public const string Section = "Dsr:History";

    /// <summary>A finished orchestration created longer ago than this loses its history (the evidence chain is the record).</summary>
    public TimeSpan PurgeAfter { get; set; } = TimeSpan.FromDays(30);

    public bool IsValid => PurgeAfter >= TimeSpan.Zero;
}
