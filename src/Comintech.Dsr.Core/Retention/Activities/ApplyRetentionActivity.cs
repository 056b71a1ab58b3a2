namespace Comintech.Dsr.Retention.Activities;

/// <summary>One retention pass at the orchestration's time (so a replayed pass judges ages as the first did).</summary>
public sealed class ApplyRetentionActivity(RetentionService retention) : IDsrActivity<DateTime, RetentionReport>
{
    public Task<RetentionReport> RunAsync(DateTime nowUtc, CancellationToken cancellationToken) =>
        retention.ApplyAsync(new DateTimeOffset(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc)), cancellationToken);
}
