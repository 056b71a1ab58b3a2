using System.Collections.Concurrent;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Workflow;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask;

namespace Comintech.Dsr.Core.Tests.Fulfilment;

/// <summary>What the plan orders: a store that runs last, and an access package held for staff review until released.</summary>
public sealed class DsrRequestOrchestratorOrderTests : IAsyncLifetime
{
    private const string RequestId = "CCCCCCCCCCCCCCCCCCCCCCCCCCC";
    private readonly ConcurrentQueue<string> calls = new();
    private FulfilmentPlan plan = null!;
    private DurableTaskTestHost host = null!;

    public async Task InitializeAsync() => host = await TestDurableHost.StartAsync(registry =>
    {
        registry.AddOrchestrator<DsrRequestOrchestrator>();
        registry.AddActivityFunc<string, bool>(DsrActivityNames.SendAcknowledgement, (_, _) => true);
        registry.AddActivityFunc<SendCodeInput, bool>(DsrActivityNames.SendVerificationCode, (_, _) => Record("code"));
        registry.AddActivityFunc<string, FulfilmentPlan>(DsrActivityNames.PlanFulfilment, (_, _) => plan);
        registry.AddActivityFunc<StoreActionInput, ConnectorOutcome>(DsrActivityNames.ExecuteStoreAction, async (_, input) =>
        {
            Record($"start:{input.StoreId}");
            await Task.Delay(input.StoreId == "web-logs" ? 500 : 10);
            Record($"end:{input.StoreId}");
            return new ConnectorOutcome(input.StoreId, input.Action, OutcomeKind.Done, 1, 1, null, null, DateTimeOffset.UtcNow);
        });
        registry.AddActivityFunc<FinaliseInput, bool>(DsrActivityNames.OpenAccessReview, (_, input) => Record($"review:{input.Outcomes.Count}"));
        registry.AddActivityFunc<FinaliseInput, bool>(DsrActivityNames.FinaliseRequest, (_, input) => Record($"final:{input.Status}"));
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    private bool Record(string call)
    {
        calls.Enqueue(call);
        return true;
    }

    private async Task<string> StartVerifiedAsync(RequestType type, FulfilmentPlan planned)
    {
        plan = planned;
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            DsrRequestOrchestrator.Name, new DsrOrchestrationInput(RequestId, type, DateTime.UtcNow.AddMinutes(10)), new StartOrchestrationOptions(RequestId));
        await WaitUntilAsync(() => calls.Contains("code"));
        await host.Client.RaiseEventAsync(id, DsrEvents.IdentityVerified, true);
        return id;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the orchestration.");
            await Task.Delay(50);
        }
    }

    private async Task<OrchestrationMetadata> CompletionAsync(string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
    }

    [Fact]
    public async Task A_store_that_runs_last_starts_only_after_every_other_store_finished()
    {
        var id = await StartVerifiedAsync(RequestType.Deletion, new FulfilmentPlan(
            ConnectorAction.Erase,
            [
                new PlannedStore("login-history", 1, TimeSpan.FromSeconds(1), 1, RunsLast: true),
                new PlannedStore("web-logs", 1, TimeSpan.FromSeconds(1), 1),
                new PlannedStore("accounts", 1, TimeSpan.FromSeconds(1), 1),
            ]));

        var result = (await CompletionAsync(id)).ReadOutputAs<DsrOrchestrationResult>()!;

        var order = calls.ToList();
        Assert.True(order.IndexOf("start:login-history") > order.IndexOf("end:web-logs"), string.Join(", ", order));
        Assert.True(order.IndexOf("start:login-history") > order.IndexOf("end:accounts"), string.Join(", ", order));
        Assert.Equal(["login-history", "web-logs", "accounts"], result.Stores.Select(s => s.StoreId));
        Assert.Equal(RequestStatus.Completed, result.Status);
    }

    [Fact]
    public async Task A_reviewed_package_is_finalised_only_once_staff_release_it()
    {
        var id = await StartVerifiedAsync(RequestType.Access, new FulfilmentPlan(
            ConnectorAction.Export, [new PlannedStore("accounts", 1, TimeSpan.FromSeconds(1), 1), new PlannedStore("reseller", 1, TimeSpan.FromSeconds(1), 1)], Review: true));
        await WaitUntilAsync(() => calls.Contains("review:2"));
        await Task.Delay(500);

        var waiting = (await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true))!;
        Assert.Equal(OrchestrationRuntimeStatus.Running, waiting.RuntimeStatus);
        Assert.Equal(RequestStage.AwaitingReview, waiting.ReadCustomStatusAs<DsrProgress>()!.Stage);
        Assert.DoesNotContain(calls, c => c.StartsWith("final:", StringComparison.Ordinal));

        await host.Client.RaiseEventAsync(id, DsrEvents.AccessReviewReleased, 1);
        var done = await CompletionAsync(id);

        Assert.Equal(RequestStatus.Completed, done.ReadOutputAs<DsrOrchestrationResult>()!.Status);
        Assert.Single(calls, c => c == $"final:{RequestStatus.Completed}");
    }
}
