using System.Collections.Concurrent;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Workflow;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask;

namespace Comintech.Dsr.Core.Tests.Fulfilment;

/// <summary>
/// The stores' first runs in one batch activity: a store the batch did not finish runs alone under its own retry policy,
/// a batch that fails leaves every store to its own run, a Waiting store still waits, a store that runs last runs alone.
/// </summary>
public sealed class DsrRequestOrchestratorBatchTests : IAsyncLifetime
{
    private const string RequestId = "DDDDDDDDDDDDDDDDDDDDDDDDDDD";
    private readonly ConcurrentQueue<string> calls = new();
    private readonly ConcurrentDictionary<string, int> singleRuns = new();
    private readonly HashSet<string> unfinishedInBatch = [];
    private readonly HashSet<string> brokenStores = [];
    private IReadOnlyList<PlannedStore> stores = [];
    private bool batchBroken;
    private DurableTaskTestHost host = null!;

    public async Task InitializeAsync() => host = await TestDurableHost.StartAsync(registry =>
    {
        registry.AddOrchestrator<DsrRequestOrchestrator>();
        registry.AddActivityFunc<string, bool>(DsrActivityNames.SendAcknowledgement, (_, _) => true);
        registry.AddActivityFunc<SendCodeInput, bool>(DsrActivityNames.SendVerificationCode, (_, _) => Record("code"));
        registry.AddActivityFunc<string, bool>(DsrActivityNames.AcknowledgeAndSendCode, (_, _) => Record("acknowledgement+code"));
        registry.AddActivityFunc<string, FulfilmentPlan>(DsrActivityNames.PlanFulfilment, (_, _) => new FulfilmentPlan(ConnectorAction.Erase, stores));
        registry.AddActivityFunc<StoreBatchInput, StoreBatchResult>(DsrActivityNames.ExecuteStoreActions, (_, input) =>
        {
            Record($"batch:{string.Join('+', input.StoreIds)}");
            return batchBroken
                ? throw new IOException("Storage answered 503.")
                : new StoreBatchResult(
                    [.. input.StoreIds.Where(id => !unfinishedInBatch.Contains(id)).Select(id => Outcome(id, id == "reseller" ? OutcomeKind.Waiting : OutcomeKind.Done))],
                    [.. input.StoreIds.Where(unfinishedInBatch.Contains)]);
        });
        registry.AddActivityFunc<StoreActionInput, ConnectorOutcome>(DsrActivityNames.ExecuteStoreAction, (_, input) =>
        {
            singleRuns.AddOrUpdate(input.StoreId, 1, (_, n) => n + 1);
            return brokenStores.Contains(input.StoreId) ? throw new ConnectorException("Store unreachable (HTTP 503)") : Outcome(input.StoreId, OutcomeKind.Done);
        });
        registry.AddActivityFunc<StoreWaitInput, bool>(DsrActivityNames.RemindWaitingStore, (_, input) => Record($"remind:{input.StoreId}"));
        registry.AddActivityFunc<StoreConfirmedInput, ConnectorOutcome>(DsrActivityNames.RecordStoreConfirmation, (_, input) =>
            Outcome(input.StoreId, input.Confirmation.Kind) with { RecordsAffected = input.Confirmation.RecordsAffected });
        registry.AddActivityFunc<FinaliseInput, bool>(DsrActivityNames.FinaliseRequest, (_, input) => Record($"final:{input.Status}"));
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    private bool Record(string call)
    {
        calls.Enqueue(call);
        return true;
    }

    private static ConnectorOutcome Outcome(string storeId, OutcomeKind kind) => new(storeId, ConnectorAction.Erase, kind, 1, 1, null, null, DateTimeOffset.UtcNow);

    private static PlannedStore Store(string id, bool runsLast = false) =>
        new(id, 3, TimeSpan.FromMilliseconds(100), 1, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), RunsLast: runsLast);

    private Task<string> StartVerifiedAsync(params PlannedStore[] planned) => StartVerifiedAsync(false, planned);

    private async Task<string> StartVerifiedAsync(bool acknowledgeWithCode, params PlannedStore[] planned)
    {
        stores = planned;
        var input = new DsrOrchestrationInput(
            RequestId, RequestType.Deletion, DateTime.UtcNow.AddMinutes(10), StoresInBatches: true, AcknowledgeWithCode: acknowledgeWithCode);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(DsrRequestOrchestrator.Name, input, new StartOrchestrationOptions(RequestId));
        await OrchestrationWaits.UntilAsync(() => calls.Contains(acknowledgeWithCode ? "acknowledgement+code" : "code"));
        await host.Client.RaiseEventAsync(id, DsrEvents.IdentityVerified, true);
        return id;
    }

    [Fact]
    public async Task Every_store_runs_in_one_batch_and_the_request_completes()
    {
        var result = await OrchestrationWaits.ResultAsync(host, await StartVerifiedAsync(Store("accounts"), Store("tickets"), Store("billing")));

        Assert.Equal(RequestStatus.Completed, result.Status);
        Assert.Equal(["accounts", "tickets", "billing"], result.Stores.Select(s => s.StoreId));
        Assert.All(result.Stores, s => Assert.Equal(nameof(OutcomeKind.Done), s.State));
        Assert.Equal(["code", "batch:accounts+tickets+billing", "final:Completed"], calls);
        Assert.Empty(singleRuns);
    }

    [Fact]
    public async Task A_new_workflow_sends_code_one_with_the_acknowledgement_in_one_step()
    {
        var result = await OrchestrationWaits.ResultAsync(host, await StartVerifiedAsync(true, Store("accounts"), Store("tickets")));

        Assert.Equal(RequestStatus.Completed, result.Status);
        Assert.Equal(["acknowledgement+code", "batch:accounts+tickets", "final:Completed"], calls);
    }

    [Fact]
    public async Task A_store_the_batch_did_not_finish_is_retried_alone_while_the_others_complete()
    {
        unfinishedInBatch.Add("tickets");
        brokenStores.Add("tickets");

        var result = await OrchestrationWaits.ResultAsync(host, await StartVerifiedAsync(Store("accounts"), Store("tickets"), Store("billing")));

        Assert.Equal(RequestStatus.CompletedWithExceptions, result.Status);
        var failed = Assert.Single(result.Stores, s => s.State == nameof(OutcomeKind.Failed));
        Assert.Equal("tickets", failed.StoreId);
        Assert.Equal("Failed after 3 attempt(s): Store unreachable (HTTP 503)", failed.Note);
        Assert.Equal(new Dictionary<string, int> { ["tickets"] = 3 }, singleRuns);
        Assert.All(result.Stores.Where(s => s.StoreId != "tickets"), s => Assert.Equal(nameof(OutcomeKind.Done), s.State));
    }

    [Fact]
    public async Task When_the_batch_itself_fails_every_store_runs_alone()
    {
        batchBroken = true;

        var result = await OrchestrationWaits.ResultAsync(host, await StartVerifiedAsync(Store("accounts"), Store("tickets")));

        Assert.Equal(RequestStatus.Completed, result.Status);
        Assert.Equal(new Dictionary<string, int> { ["accounts"] = 1, ["tickets"] = 1 }, singleRuns);
    }

    [Fact]
    public async Task A_store_waiting_after_the_batch_waits_for_its_confirmation_and_a_store_that_runs_last_runs_alone_after_it()
    {
        var id = await StartVerifiedAsync(Store("login-history", runsLast: true), Store("accounts"), Store("reseller"));
        await OrchestrationWaits.UntilAsync(() => calls.Contains("remind:reseller"));
        Assert.Empty(singleRuns);

        await host.Client.RaiseEventAsync(id, DsrEvents.StoreConfirmed("reseller"), new StoreConfirmation(OutcomeKind.Done, 4, "reseller.erase", "partner:acme"));
        var result = await OrchestrationWaits.ResultAsync(host, id);

        Assert.Equal(RequestStatus.Completed, result.Status);
        Assert.Equal(4, result.Stores.Single(s => s.StoreId == "reseller").RecordsAffected);
        Assert.Single(calls, c => c.StartsWith("batch:", StringComparison.Ordinal));
        Assert.Contains("batch:accounts+reseller", calls);
        Assert.Equal(new Dictionary<string, int> { ["login-history"] = 1 }, singleRuns);
    }
}
