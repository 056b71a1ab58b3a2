namespace Comintech.Dsr.Recovery;

/// <summary>
/// Removes the task hub history of finished orchestrations (completed, or terminated) created more than
/// <see cref="HistoryOptions.PurgeAfter"/> ago. Failed ones stay: staff restart them from their input. Requests keep
/// their status, per-store progress (from the evidence), evidence and certificate.
/// </summary>
public sealed class HistoryPurge(IOptions<HistoryOptions> options, TimeProvider clock)
{
    public async Task<int> PurgeAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - options.Value.PurgeAfter;
        var result = await client.PurgeAllInstancesAsync(
            new PurgeInstancesFilter(DateTimeOffset.UnixEpoch, before, [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Terminated]),
            cancellationToken);
        return result.PurgedInstanceCount;
    }
}

/// <summary>The purge as a workflow step (the local engine's worker hands it the engine's client).</summary>
public sealed class PurgeHistoryActivity(HistoryPurge purge, DurableTaskClient client) : IDsrActivity<string, int>
{
    public Task<int> RunAsync(string input, CancellationToken cancellationToken) => purge.PurgeAsync(client, cancellationToken);
}
