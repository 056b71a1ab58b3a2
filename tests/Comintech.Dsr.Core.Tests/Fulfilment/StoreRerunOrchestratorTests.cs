using System.Collections.Concurrent;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Fulfilment.Rerun;
using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Workflow;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask;

namespace Comintech.Dsr.Core.Tests.Fulfilment;

/// <summary>Re-running one failed store on the DurableTaskTestHost.</summary>
public sealed class StoreRerunOrchestratorTests : IAsyncLifetime
{
    private const string RequestId = "CCCCCCCCCCCCCCCCCCCCCCCCCCC";

    private readonly ConcurrentQueue<RecordRerunInput> recorded = new();
    private int attempts;
    private volatile bool storeBroken;
    private DurableTaskTestHost host = null!;

    public async Task InitializeAsync() =>
        host = await TestDurableHost.StartAsync(registry =>
        {
            registry.AddOrchestrator<StoreRerunOrchestrator>();
            registry.AddActivityFunc<StoreActionInput, ConnectorOutcome>(DsrActivityNames.ExecuteStoreAction, (_, input) =>
            {
                Interlocked.Increment(ref attempts);
                return storeBroken
                    ? throw new ConnectorException("Store unreachable (HTTP 503)")
                    : new ConnectorOutcome(input.StoreId, input.Action, OutcomeKind.Done, 1, 1, null, null, DateTimeOffset.UtcNow);
            });
            registry.AddActivityFunc<RecordRerunInput, RequestStatus>(DsrActivityNames.RecordRerun, (_, input) =>
            {
                recorded.Enqueue(input);
                return input.Outcome.Kind == OutcomeKind.Failed ? RequestStatus.CompletedWithExceptions : RequestStatus.Completed;
            });
        });

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<RequestStatus> RerunAsync()
    {
        var input = new StoreRerunInput(RequestId, "r1", ConnectorAction.Erase, new PlannedStore("tickets", 2, TimeSpan.FromMilliseconds(100), 1));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            StoreRerunOrchestrator.Name, input, new StartOrchestrationOptions(StoreRerunOrchestrator.InstanceIdFor(RequestId, "r1")));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var metadata = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        return metadata.ReadOutputAs<RequestStatus>();
    }

    [Fact]
    public async Task A_store_that_works_now_is_recorded_done_and_the_request_completes()
    {
        Assert.Equal(RequestStatus.Completed, await RerunAsync());

        var record = Assert.Single(recorded);
        Assert.Equal(("tickets", OutcomeKind.Done, "r1"), (record.Outcome.StoreId, record.Outcome.Kind, record.RerunId));
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task A_store_still_failing_is_retried_by_its_policy_and_recorded_failed()
    {
        storeBroken = true;

        Assert.Equal(RequestStatus.CompletedWithExceptions, await RerunAsync());

        var record = Assert.Single(recorded);
        Assert.Equal(OutcomeKind.Failed, record.Outcome.Kind);
        Assert.Contains("HTTP 503", record.Outcome.Note, StringComparison.Ordinal);
        Assert.Equal(2, attempts);
    }
}
