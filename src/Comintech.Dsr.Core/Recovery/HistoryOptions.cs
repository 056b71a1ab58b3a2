namespace Comintech.Dsr.Recovery;

/// <summary>Settings under <c>Dsr:History</c>: how long finished orchestrations keep their history in the task hub.</summary>
public sealed class HistoryOptions
{
    public const string Section = "Dsr:History";

    /// <summary>A finished orchestration created longer ago than this loses its history (the evidence chain is the record).</summary>
    public TimeSpan PurgeAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the purge runs.</summary>
    public TimeSpan PurgeEvery { get; set; } = TimeSpan.FromHours(1);

    public bool IsValid => PurgeAfter >= TimeSpan.Zero && PurgeEvery >= TimeSpan.FromSeconds(1);
}
