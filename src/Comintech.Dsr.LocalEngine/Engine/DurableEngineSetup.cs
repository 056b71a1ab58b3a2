using Azure.Storage.Blobs;
using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Query;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;

namespace Comintech.Dsr.LocalEngine.Engine;

/// <summary>
/// The same backend Durable Functions uses (Durable Task Azure Storage) driven through the Durable Task gRPC sidecar,
/// so the SDK's orchestrations and activities run here exactly as in the Functions app.
/// </summary>
public static class DurableEngineSetup
{
    /// <param name="purgeOnCompletion">
    /// Orchestrations whose history is purged as soon as they complete (<see cref="CompletedWorkflowPurge"/>); by default a
    /// request's workflow and its deadline watch, unless <see cref="EngineOptions.PurgeCompletedRequests"/> is off.
    /// </param>
    public static IServiceCollection AddLocalDurableEngine(
        this IServiceCollection services, string storageConnectionString, EngineOptions engine, int sidecarPort, Action<DurableTaskRegistry>? tasks = null,
        IReadOnlySet<string>? purgeOnCompletion = null)
    {
        services.AddSingleton(sp =>
        {
            var settings = new AzureStorageOrchestrationServiceSettings
            {
                StorageAccountClientProvider = CountedClients(storageConnectionString, sp.GetRequiredService<StorageTransactions>()),
                TaskHubName = engine.TaskHubName,
                WorkerId = engine.WorkerId,
                PartitionCount = engine.PartitionCount,
                LeaseInterval = engine.PartitionLeaseInterval,
                LeaseRenewInterval = engine.PartitionLeaseInterval / 3,
                LeaseAcquireInterval = engine.PartitionLeaseInterval / 3,
                MaxQueuePollingInterval = engine.MaxQueuePollingInterval,
                ControlQueueVisibilityTimeout = engine.MessageVisibilityTimeout,
                WorkItemQueueVisibilityTimeout = engine.MessageVisibilityTimeout,
                MaxConcurrentTaskActivityWorkItems = engine.MaxConcurrentSteps,
                LoggerFactory = sp.GetRequiredService<ILoggerFactory>(),
            };
            return new AzureStorageOrchestrationService(settings);
        });
        var purged = purgeOnCompletion
            ?? (engine.PurgeCompletedRequests ? new HashSet<string>(StringComparer.Ordinal) { DsrRequestOrchestrator.Name, DeadlineWatchOrchestrator.Name } : []);
        if (purged.Count > 0)
        {
            services.AddSingleton<CompletedWorkflowPurge>();
            services.AddHostedService(sp => sp.GetRequiredService<CompletedWorkflowPurge>());
            services.AddSingleton<IOrchestrationService>(sp =>
                sp.GetRequiredService<CompletedWorkflowPurge>().Watch(sp.GetRequiredService<AzureStorageOrchestrationService>(), purged));
        }
        else
        {
            services.AddSingleton<IOrchestrationService>(sp => sp.GetRequiredService<AzureStorageOrchestrationService>());
        }

        services.AddSingleton<IOrchestrationServiceClient>(sp => sp.GetRequiredService<AzureStorageOrchestrationService>());
        services.AddSingleton<IOrchestrationServiceQueryClient>(sp => sp.GetRequiredService<AzureStorageOrchestrationService>());
        services.AddSingleton<IOrchestrationServicePurgeClient>(sp => sp.GetRequiredService<AzureStorageOrchestrationService>());
        services.Configure<TaskHubGrpcServerOptions>(o => o.Mode = TaskHubGrpcServerMode.ApiServerAndDispatcher);
        services.AddSingleton<TaskHubGrpcServer>();
        services.AddGrpc();

        var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{sidecarPort}");
        services.AddSingleton(channel);
        services.AddDurableTaskWorker(builder =>
        {
            builder.AddTasks(tasks ?? (registry => registry.AddDsrTasks()));
            builder.UseGrpc(channel);
        });
        services.AddDurableTaskClient(builder => builder.UseGrpc(channel));
        return services;
    }

    /// <summary>The backend's clients, with every storage transaction they make counted (queues, history, instances, leases).</summary>
    private static StorageAccountClientProvider CountedClients(string connectionString, StorageTransactions transactions) => new(
        StorageServiceClientProvider.ForBlob(connectionString, transactions.Attach(new BlobClientOptions(), StorageTransactions.Blob)),
        StorageServiceClientProvider.ForQueue(connectionString, transactions.Attach(new QueueClientOptions(), StorageTransactions.Queue)),
        StorageServiceClientProvider.ForTable(connectionString, transactions.Attach(new TableClientOptions(), StorageTransactions.Table)));
}
