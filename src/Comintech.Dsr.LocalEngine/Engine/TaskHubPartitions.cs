namespace Comintech.Dsr.LocalEngine.Engine;

/// <summary>
/// The partition count of a task hub is fixed when the hub is created: an engine started with another count would
/// send new work to control queues the other engines do not serve, or leave queues unserved. Refuses to start then.
/// </summary>
public static class TaskHubPartitions
{
    public static async Task EnsureMatchesAsync(string storageConnectionString, EngineOptions engine, CancellationToken cancellationToken = default)
    {
        var existing = await CountAsync(new QueueServiceClient(storageConnectionString), engine.TaskHubName, cancellationToken);
        if (existing > 0 && existing != engine.PartitionCount)
        {
            throw new InvalidOperationException(
                $"{EngineOptions.Section}:{nameof(EngineOptions.PartitionCount)} is {engine.PartitionCount}, but task hub '{engine.TaskHubName}' "
                + $"was created with {existing} partitions. Keep {existing}, or set a new {EngineOptions.Section}:{nameof(EngineOptions.TaskHubName)} "
                + "once the old hub holds no work.");
        }
    }

    /// <summary>The hub's control queues (<c>{hub}-control-NN</c>), one per partition; 0 for a hub not yet created.</summary>
    public static async Task<int> CountAsync(QueueServiceClient queues, string taskHubName, CancellationToken cancellationToken = default)
    {
        var count = 0;
        await foreach (var _ in queues.GetQueuesAsync(prefix: taskHubName.ToLowerInvariant() + "-control-", cancellationToken: cancellationToken))
        {
            count++;
        }

        return count;
    }
}
