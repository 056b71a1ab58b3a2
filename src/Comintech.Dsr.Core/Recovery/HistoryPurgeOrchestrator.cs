using Comintech.Dsr.Fulfilment;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Comintech.Dsr.Recovery;

/// <summary>
/// One eternal orchestration per task hub (instance <see cref="InstanceId"/>): purge, sleep <c>Dsr:History:PurgeEvery</c>,
/// start over (ContinueAsNew keeps its own history short). Input: the interval. Started by the reconciliation.
/// </summary>
public sealed class HistoryPurgeOrchestrator : TaskOrchestrator<TimeSpan, int>
{
    public const string Name = nameof(HistoryPurgeOrchestrator);
    public const string InstanceId = "dsr-history-purge";

    public override async Task<int> RunAsync(TaskOrchestrationContext context, TimeSpan every)
    {
        var purged = await context.CallActivityAsync<int>(DsrActivityNames.PurgeHistory, "finished", StepRetry.Transient);
        await context.CreateTimer(context.CurrentUtcDateTime + every, CancellationToken.None);
        context.ContinueAsNew(every);
        return purged;
    }

    /// <summary>Starts the purge unless it runs already.</summary>
    public static async Task<bool> EnsureStartedAsync(DurableTaskClient client, TimeSpan every, CancellationToken cancellationToken)
    {
        if (await client.GetInstanceAsync(InstanceId, cancellationToken) is { IsRunning: true } or { RuntimeStatus: OrchestrationRuntimeStatus.Pending })
        {
            return false;
        }

        await client.ScheduleNewOrchestrationInstanceAsync(Name, every, new StartOrchestrationOptions(InstanceId), cancellationToken);
        return true;
    }
}
