namespace Comintech.Dsr.LocalEngine.Engine;

/// <summary>Settings of the local engine itself (section <c>Engine</c>).</summary>
public sealed class EngineOptions
{
    public const string Section = "Engine";

    /// <summary>Where the HTTP routes are served (the port <c>func start</c> uses).</summary>
    public string Url { get; set; } = "http://127.0.0.1:7071";

    /// <summary>Loopback port of the engine's internal gRPC sidecar; 0 picks a free one.</summary>
    public int SidecarPort { get; set; }

    public string TaskHubName { get; set; } = "dsrlocal";

    /// <summary>
    /// Control queues of the task hub, each leased by one engine: more than one lets several engines share the
    /// orchestrations as well as the steps. Fixed when the hub is created (see <see cref="TaskHubPartitions"/>).
    /// </summary>
    public int PartitionCount { get; set; } = 1;

    /// <summary>Keep stable across restarts so the engine takes its partitions back at once after a crash.</summary>
    public string WorkerId { get; set; } = "local-engine";

    /// <summary>Azurite's data folder when the engine starts it (no storage connection string configured).</summary>
    public string AzuriteLocation { get; set; } = ".dsr/azurite";

    public int AzuriteBlobPort { get; set; } = 10000;

    public int AzuriteQueuePort { get; set; } = 10001;

    public int AzuriteTablePort { get; set; } = 10002;

    /// <summary>
    /// Port of the table service the engine starts for its task hub (history, instances) beside Azurite's own; 0 keeps
    /// the task hub on <see cref="AzuriteTablePort"/>. Used only when the engine starts Azurite and
    /// <see cref="TaskHubStorage"/> is not set.
    /// </summary>
    public int AzuriteTaskHubTablePort { get; set; } = 10003;

    /// <summary>
    /// Connection string of the storage account that holds the task hub (queues, history, instances, leases), kept apart
    /// from the system's data as the Functions host keeps <c>AzureWebJobsStorage</c> apart from
    /// <c>Dsr:StorageConnectionString</c>. Unset: the engine's own Azurite task hub table service when it starts Azurite
    /// (see <see cref="AzuriteTaskHubTablePort"/>), otherwise the data's account.
    /// </summary>
    public string? TaskHubStorage { get; set; }

    /// <summary>Seed the demo stores with demo people on first start.</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>How often idle queues are polled at most; short, so a local request moves on quickly.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a queue message taken by an engine stays hidden from the others. A running step renews it, so this
    /// bounds only how long work held by a killed engine waits before another (or the restarted one) takes it up;
    /// the backend's default is 5 minutes.
    /// </summary>
    public TimeSpan MessageVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Workflow steps (activities) one engine runs at once. Steps mostly wait on storage, so more than the backend's
    /// default of 10 keeps the cores busy under a storm instead of queueing requests behind slow steps.
    /// </summary>
    public int MaxConcurrentSteps { get; set; } = 40;

    /// <summary>How long a partition lease lasts unless renewed (15–60 s): how long a killed engine's partitions stay taken.</summary>
    public TimeSpan PartitionLeaseInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the <c>inbound-mail</c> container is looked at for dropped .eml files.</summary>
    public TimeSpan InboxPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Purge a request's workflow history (and its deadline watch's) as soon as it completes, instead of after
    /// <c>Dsr:History:PurgeAfter</c>: on Azurite every history load scans the whole history table.
    /// </summary>
    public bool PurgeCompletedRequests { get; set; } = true;

    /// <summary>When set, the storage transaction tally is written to this file every second (for <c>./bench.sh</c>).</summary>
    public string? TransactionCountFile { get; set; }

    /// <summary>Refuses settings the backend would reject later or that would make recovery slow or renewals busy.</summary>
    public EngineOptions Validated()
    {
        if (PartitionLeaseInterval < TimeSpan.FromSeconds(15) || PartitionLeaseInterval > TimeSpan.FromSeconds(60))
        {
            throw new InvalidOperationException($"{Section}:{nameof(PartitionLeaseInterval)} must be between 00:00:15 and 00:01:00 (blob leases allow no other).");
        }

        if (PartitionCount is < 1 or > 16)
        {
            throw new InvalidOperationException($"{Section}:{nameof(PartitionCount)} must be between 1 and 16.");
        }

        if (MaxConcurrentSteps is < 1 or > 1000)
        {
            throw new InvalidOperationException($"{Section}:{nameof(MaxConcurrentSteps)} must be between 1 and 1000.");
        }

        if (AzuriteTaskHubTablePort is < 0 or > 65535)
        {
            throw new InvalidOperationException($"{Section}:{nameof(AzuriteTaskHubTablePort)} must be a port (1-65535), or 0 to keep the task hub on {nameof(AzuriteTablePort)}.");
        }

        if (MessageVisibilityTimeout < TimeSpan.FromSeconds(10) || MessageVisibilityTimeout > TimeSpan.FromMinutes(10))
        {
            throw new InvalidOperationException($"{Section}:{nameof(MessageVisibilityTimeout)} must be between 00:00:10 and 00:10:00.");
        }

        return this;
    }
}
