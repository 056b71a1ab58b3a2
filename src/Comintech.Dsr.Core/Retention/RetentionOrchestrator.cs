namespace Comintech.Dsr.Retention;

/// <summary>Input of <see cref="RetentionOrchestrator"/>: how long to sleep between passes.</summary>
public sealed record RetentionSchedule(TimeSpan Interval);

/// <summary>
/// The one scheduler for the system's timed purges, the same on both hosts: a single eternal orchestration (instance
/// <see cref="InstanceId"/>) that runs a retention pass and the purge of finished orchestrations' history
/// (<c>Dsr:History:PurgeAfter</c>), sleeps on a durable timer, and starts afresh (so its history stays one pass long). Started by each host at start-up and checked daily; a second start is a no-op.
/// </summary>
public sealed class RetentionOrchestrator : TaskOrchestrator<RetentionSchedule, RetentionReport>
{
    public const string Name = nameof(RetentionOrchestrator);
    public const string InstanceId = "dsr-retention";

    public override async Task<RetentionReport> RunAsync(TaskOrchestrationContext context, RetentionSchedule input)
    {
        var retry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(10), 2));
        var report = await context.CallActivityAsync<RetentionReport>(DsrActivityNames.ApplyRetention, context.CurrentUtcDateTime, retry);
        var purged = await context.CallActivityAsync<int>(DsrActivityNames.PurgeHistory, "finished", retry);
        await context.CreateTimer(context.CurrentUtcDateTime + input.Interval, CancellationToken.None);
        context.ContinueAsNew(input, preserveUnprocessedEvents: false);
        return report with { HistoriesPurged = purged };
    }

    /// <summary>Starts the schedule unless it is running (a pass or its timer); restarts it after it failed or was stopped.</summary>
    public static async Task EnsureStartedAsync(DurableTaskClient client, TimeSpan interval, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(InstanceId, getInputsAndOutputs: false, cancellationToken);
        if (instance is { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended })
        {
            return;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(Name, new RetentionSchedule(interval), new StartOrchestrationOptions(InstanceId), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Started meanwhile by the other starter (the reconciliation or the daily check): one schedule either way.
            if (await client.GetInstanceAsync(InstanceId, getInputsAndOutputs: false, cancellationToken) is not { IsRunning: true } and not { RuntimeStatus: OrchestrationRuntimeStatus.Pending })
            {
                throw;
            }
        }
    }
}
