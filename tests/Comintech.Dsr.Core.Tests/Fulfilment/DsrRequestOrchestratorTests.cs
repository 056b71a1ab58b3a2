using System.Collections.Concurrent;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Fulfilment.Activities;
using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Recovery;
using Comintech.Dsr.Workflow;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask;

namespace Comintech.Dsr.Core.Tests.Fulfilment;

/// <summary>The orchestration on the in-process DurableTaskTestHost, with activities that record what they were asked.</summary>
public sealed class DsrRequestOrchestratorTests : IAsyncLifetime
{
    private const string RequestId = "AAAAAAAAAAAAAAAAAAAAAAAAAAA";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly ConcurrentQueue<string> calls = new();
    private readonly ConcurrentDictionary<string, int> attemptsByStore = new();
    private readonly HashSet<string> brokenStores = [];
    private int transientFailuresLeft;
    private bool planBroken;
    private DurableTaskTestHost host = null!;

    public async Task InitializeAsync()
    {
        host = await TestDurableHost.StartAsync(registry =>
        {
            registry.AddOrchestrator<DsrRequestOrchestrator>();
            registry.AddActivityFunc<string, bool>(DsrActivityNames.SendAcknowledgement, (_, id) => Record($"ack:{id}"));
            registry.AddActivityFunc<SendCodeInput, bool>(DsrActivityNames.SendVerificationCode, (_, input) => Transient() && Record($"code:{input.Issue}"));
            registry.AddActivityFunc<string, bool>(DsrActivityNames.CloseUnverified, (_, id) => Record($"not-verified:{id}"));
            registry.AddActivityFunc<WorkflowFailureInput, bool>(DsrActivityNames.RecordWorkflowFailure, (_, input) => Record($"failed:{input.Step}:{input.Reason}"));
            registry.AddActivityFunc<string, FulfilmentPlan>(DsrActivityNames.PlanFulfilment, (_, _) => planBroken
                ? throw new InvalidOperationException("Request AAAA is not in the request store.")
                : new FulfilmentPlan(
                ConnectorAction.Erase,
                [.. new[] { "accounts", "tickets", "billing" }.Select(id => new PlannedStore(id, 3, TimeSpan.FromMilliseconds(100), 1))]));
            registry.AddActivityFunc<StoreActionInput, ConnectorOutcome>(DsrActivityNames.ExecuteStoreAction, (_, input) =>
            {
                attemptsByStore.AddOrUpdate(input.StoreId, 1, (_, n) => n + 1);
                if (brokenStores.Contains(input.StoreId))
                {
                    throw new ConnectorException("Store unreachable (HTTP 503)");
                }

                return new ConnectorOutcome(input.StoreId, input.Action, OutcomeKind.Done, 2, 2, null, null, DateTimeOffset.UtcNow);
            });
            registry.AddActivityFunc<FinaliseInput, bool>(DsrActivityNames.FinaliseRequest, (_, input) => Transient() && Record($"final:{input.Status}"));
            registry.AddActivityFunc<string, bool>(DsrActivityNames.AwaitApproval, (_, id) => Record($"awaiting-approval:{id}"));
            registry.AddActivityFunc<string, bool>(DsrActivityNames.CloseDenied, (_, id) => Record($"denied:{id}"));
        });
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    /// <summary>Fails while <see cref="transientFailuresLeft"/> lasts, as storage does for a moment.</summary>
    private bool Transient() => Interlocked.Decrement(ref transientFailuresLeft) < 0
        ? true
        : throw new IOException("Storage answered 503 (transient).");

    private bool Record(string call)
    {
        calls.Enqueue(call);
        return true;
    }

    private async Task<string> StartAsync(TimeSpan verificationWindow, bool approvalRequired = false)
    {
        var input = new DsrOrchestrationInput(RequestId, RequestType.Deletion, DateTime.UtcNow + verificationWindow, approvalRequired);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(DsrRequestOrchestrator.Name, input, new StartOrchestrationOptions(RequestId));
        await WaitUntilAsync(() => calls.Contains("code:1"));
        return id;
    }

    private async Task<OrchestrationMetadata> CompletionAsync(string id)
    {
        using var cts = new CancellationTokenSource(Timeout);
        return await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the orchestration.");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Verified_request_runs_every_store_and_completes()
    {
        var id = await StartAsync(TimeSpan.FromMinutes(10));

        await host.Client.RaiseEventAsync(id, DsrEvents.IdentityVerified, true);
        var metadata = await CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        var result = metadata.ReadOutputAs<DsrOrchestrationResult>()!;
        Assert.Equal(RequestStatus.Completed, result.Status);
        Assert.Equal(["accounts", "billing", "tickets"], result.Stores.Select(s => s.StoreId).Order());
        Assert.All(result.Stores, s => Assert.Equal(nameof(OutcomeKind.Done), s.State));
        Assert.Equal(["ack:" + RequestId, "code:1", "final:Completed"], calls);

        var progress = metadata.ReadCustomStatusAs<DsrProgress>()!;
        Assert.Equal(RequestStage.Done, progress.Stage);
        Assert.Equal(3, progress.Stores.Count);
    }

    [Fact]
    public async Task An_opt_out_of_sale_or_sharing_runs_its_stores_without_sending_or_waiting_for_a_code()
    {
        var input = new DsrOrchestrationInput(RequestId, RequestType.SaleSharingOptOut, DateTime.UtcNow + TimeSpan.FromMinutes(10));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(DsrRequestOrchestrator.Name, input, new StartOrchestrationOptions(RequestId));
        var metadata = await CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        Assert.Equal(RequestStatus.Completed, metadata.ReadOutputAs<DsrOrchestrationResult>()!.Status);
        Assert.Equal(["ack:" + RequestId, "final:Completed"], calls);
    }

    [Fact]
    public async Task A_step_that_fails_for_a_moment_is_retried_and_the_request_completes()
    {
        transientFailuresLeft = 1;
        var id = await StartAsync(TimeSpan.FromMinutes(10));
        transientFailuresLeft = 1;

        await host.Client.RaiseEventAsync(id, DsrEvents.IdentityVerified, true);
        var metadata = await CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        Assert.Equal(["ack:" + RequestId, "code:1", "final:Completed"], calls);
    }

    [Fact]
    public async Task A_step_that_cannot_succeed_fails_the_workflow_and_tells_staff_the_step_and_exception_type_never_its_message()
    {
        planBroken = true;
        var id = await StartAsync(TimeSpan.FromMinutes(10));

        await host.Client.RaiseEventAsync(id, DsrEvents.IdentityVerified, true);
        var metadata = await CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, metadata.RuntimeStatus);
        Assert.Equal(
            ["ack:" + RequestId, "code:1", "failed:PlanFulfilment:System.InvalidOperationException: step-failed"],
            calls);
    }

    [Fact]
    public async Task Never_verified_request_ends_IdentityNotVerified_without_touching_stores()
    {
        var id = await StartAsync(TimeSpan.FromSeconds(2));

        var metadata = await CompletionAsync(id);

        Assert.Equal(RequestStatus.IdentityNotVerified, metadata.ReadOutputAs<DsrOrchestrationResult>()!.Status);
        Assert.Contains("not-verified:" + RequestId, calls);
        Assert.Empty(attemptsByStore);
    }

    [Fact]
    public async Task One_failing_store_is_retried_then_reported_while_the_others_complete()
    {
        brokenStores.Add("tickets");
        var id = await StartAsync(TimeSpan.FromMinutes(10));

        await host.Client.RaiseEventAsync(id, DsrEvents.IdentityVerified, true);
        var metadata = await CompletionAsync(id);

        var result = metadata.ReadOutputAs<DsrOrchestrationResult>()!;
        Assert.Equal(RequestStatus.CompletedWithExceptions, result.Status);
        var failed = Assert.Single(result.Stores, s => s.State == nameof(OutcomeKind.Failed));
        Assert.Equal("tickets", failed.StoreId);
        Assert.Contains("Store unreachable (HTTP 503)", failed.Note, StringComparison.Ordinal);
        Assert.Equal(3, attemptsByStore["tickets"]);
        Assert.Equal(1, attemptsByStore["accounts"]);
        Assert.All(result.Stores.Where(s => s.StoreId != "tickets"), s => Assert.Equal(nameof(OutcomeKind.Done), s.State));
        Assert.Contains("final:CompletedWithExceptions", calls);
    }

    [Fact]
    public async Task A_resend_sends_the_next_code_once_and_verification_still_completes()
    {
        var id = await StartAsync(TimeSpan.FromMinutes(10));

        await host.Client.RaiseEventAsync(id, DsrEvents.ResendCodeRequested, 2);
        await host.Client.RaiseEventAsync(id, DsrEvents.ResendCodeRequested, 2);
        await WaitUntilAsync(() => calls.Contains("code:2"));
        await host.Client.RaiseEventAsync(id, DsrEvents.IdentityVerified, true);
        var metadata = await CompletionAsync(id);

        Assert.Equal(RequestStatus.Completed, metadata.ReadOutputAs<DsrOrchestrationResult>()!.Status);
        Assert.Single(calls, c => c == "code:2");
    }

    [Fact]
    public async Task With_the_approval_gate_nothing_runs_until_staff_approve()
    {
        var id = await StartAsync(TimeSpan.FromMinutes(10), approvalRequired: true);

        await host.Client.RaiseEventAsync(id, DsrEvents.IdentityVerified, true);
        await WaitUntilAsync(() => calls.Contains("awaiting-approval:" + RequestId));
        await Task.Delay(300);
        Assert.Empty(attemptsByStore);
        var waiting = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal(RequestStage.AwaitingApproval, waiting!.ReadCustomStatusAs<DsrProgress>()!.Stage);

        await host.Client.RaiseEventAsync(id, DsrEvents.ApprovalDecided, true);
        var metadata = await CompletionAsync(id);

        Assert.Equal(RequestStatus.Completed, metadata.ReadOutputAs<DsrOrchestrationResult>()!.Status);
        Assert.Equal(3, attemptsByStore.Count);
    }

    [Fact]
    public async Task A_denial_at_the_gate_closes_the_request_without_touching_stores()
    {
        var id = await StartAsync(TimeSpan.FromMinutes(10), approvalRequired: true);

        await host.Client.RaiseEventAsync(id, DsrEvents.IdentityVerified, true);
        await host.Client.RaiseEventAsync(id, DsrEvents.ApprovalDecided, false);
        var metadata = await CompletionAsync(id);

        Assert.Equal(RequestStatus.Denied, metadata.ReadOutputAs<DsrOrchestrationResult>()!.Status);
        Assert.Contains("denied:" + RequestId, calls);
        Assert.DoesNotContain(calls, c => c.StartsWith("final:", StringComparison.Ordinal));
        Assert.Empty(attemptsByStore);
    }
}
