using System.Reflection;
using System.Runtime.ExceptionServices;
using DurableTask.Core;

namespace Comintech.Dsr.LocalEngine.Engine;

/// <summary>
/// Removes a workflow's task-hub history the moment it completes, for the orchestrations named at setup (a request's
/// workflow and its deadline watch): the request record and the evidence are the proof, the history is not, and on
/// Azurite every history load scans the whole history table, so each finished workflow kept there makes every later
/// step slower. Only an instance seen completing, and still completed in the same execution when its turn comes, is
/// purged; failed and terminated ones stay for a restart. If the engine stops first, <c>Dsr:History:PurgeAfter</c>
/// removes it later.
/// </summary>
public sealed partial class CompletedWorkflowPurge(
    IOrchestrationServiceClient client, IOrchestrationServicePurgeClient purge, ILogger<CompletedWorkflowPurge> logger) : BackgroundService
{
    /// <summary>How long after its completion an instance is purged: its work item is released by then.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);

    private readonly Channel<(string InstanceId, string ExecutionId, DateTime Due)> completed = Channel.CreateUnbounded<(string, string, DateTime)>();

    /// <summary>The backend as the dispatcher sees it, telling this purge of every completion of the named orchestrations.</summary>
    public IOrchestrationService Watch(IOrchestrationService backend, IReadOnlySet<string> orchestrations)
    {
        var proxy = DispatchProxy.Create<IOrchestrationService, CompletionWatch>();
        ((CompletionWatch)(object)proxy).Attach(backend, orchestrations, this);
        return proxy;
    }

    internal void Completed(OrchestrationRuntimeState state) =>
        completed.Writer.TryWrite((state.OrchestrationInstance!.InstanceId, state.OrchestrationInstance.ExecutionId, DateTime.UtcNow + Delay));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var step = StorageTransactions.Step("engine PurgeCompleted");
        try
        {
            await foreach (var (instanceId, executionId, due) in completed.Reader.ReadAllAsync(stoppingToken))
            {
                if (due > DateTime.UtcNow)
                {
                    await Task.Delay(due - DateTime.UtcNow, stoppingToken);
                }

                await PurgeAsync(instanceId, executionId);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is left is purged by the retention pass.
        }
    }

    private async Task PurgeAsync(string instanceId, string executionId)
    {
        try
        {
            var states = await client.GetOrchestrationStateAsync(instanceId, allExecutions: false);
            if (states is [{ OrchestrationStatus: OrchestrationStatus.Completed } state] && state.OrchestrationInstance.ExecutionId == executionId)
            {
                await purge.PurgeInstanceStateAsync(instanceId);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotPurged(logger, instanceId, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Completed workflow {InstanceId} not purged ({Failure}); the retention pass will")]
    private static partial void LogNotPurged(ILogger logger, string instanceId, string failure);
}

/// <summary>Passes every call to the backend; after a committed completion of a watched orchestration, tells the purge.</summary>
public class CompletionWatch : DispatchProxy
{
    private IOrchestrationService backend = null!;
    private IReadOnlySet<string> orchestrations = null!;
    private CompletedWorkflowPurge purge = null!;

    internal void Attach(IOrchestrationService target, IReadOnlySet<string> names, CompletedWorkflowPurge owner) =>
        (backend, orchestrations, purge) = (target, names, owner);

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        object? result;
        try
        {
            result = targetMethod!.Invoke(backend, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }

        return targetMethod.Name == nameof(IOrchestrationService.CompleteTaskOrchestrationWorkItemAsync) && result is Task committing
            ? AfterCommitAsync(committing, (TaskOrchestrationWorkItem)args![0]!, args[1] as OrchestrationRuntimeState)
            : result;
    }

    private async Task AfterCommitAsync(Task committing, TaskOrchestrationWorkItem workItem, OrchestrationRuntimeState? newState)
    {
        await committing;
        var state = newState ?? workItem.OrchestrationRuntimeState;
        if (state.OrchestrationStatus == OrchestrationStatus.Completed && state.Name is { } name && orchestrations.Contains(name)
            && state.OrchestrationInstance?.ExecutionId is not null)
        {
            purge.Completed(state);
        }
    }
}
