using System.Collections.Concurrent;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Workflow;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask;

namespace Comintech.Dsr.Core.Tests.Fulfilment;

/// <summary>A store that waits on a partner or staff: reminders, a confirmation event, or escalation at the deadline.</summary>
public sealed class DsrRequestOrchestratorWaitingTests : IAsyncLifetime
{
    private const string RequestId = "BBBBBBBBBBBBBBBBBBBBBBBBBBB";
    private readonly ConcurrentQueue<string> calls = new();
    private DurableTaskTestHost host = null!;

    public async Task InitializeAsync() => host = await TestDurableHost.StartAsync(registry =>
    {
        registry.AddOrchestrator<DsrRequestOrchestrator>();
        registry.AddActivityFunc<string, bool>(DsrActivityNames.SendAcknowledgement, (_, _) => true);
        registry.AddActivityFunc<SendCodeInput, bool>(DsrActivityNames.SendVerificationCode, (_, _) => Record("code"));
        registry.AddActivityFunc<string, bool>(DsrActivityNames.CloseUnverified, (_, _) => true);
        registry.AddActivityFunc<string, FulfilmentPlan>(DsrActivityNames.PlanFulfilment, (_, _) => new FulfilmentPlan(
            ConnectorAction.Erase,
            [
                new PlannedStore("accounts", 1, TimeSpan.FromSeconds(1), 1),
                new PlannedStore("reseller", 1, TimeSpan.FromSeconds(1), 1, ConfirmWithin: TimeSpan.FromSeconds(5), RemindEvery: TimeSpan.FromSeconds(1)),
            ]));
        registry.AddActivityFunc<StoreActionInput, ConnectorOutcome>(DsrActivityNames.ExecuteStoreAction, (_, input) =>
            Outcome(input.StoreId, input.StoreId == "reseller" ? OutcomeKind.Waiting : OutcomeKind.Done, "store"));
        registry.AddActivityFunc<StoreWaitInput, bool>(DsrActivityNames.RemindWaitingStore, (_, input) => Record($"remind:{input.StoreId}:{input.Reminder}"));
        registry.AddActivityFunc<StoreWaitInput, ConnectorOutcome>(DsrActivityNames.EscalateWaitingStore, (_, input) =>
        {
            Record($"escalate:{input.StoreId}");
            return Outcome(input.StoreId, OutcomeKind.Failed, "escalated");
        });
        registry.AddActivityFunc<StoreConfirmedInput, ConnectorOutcome>(DsrActivityNames.RecordStoreConfirmation, (_, input) =>
        {
            Record($"confirmed:{input.StoreId}:{input.Confirmation.ConfirmedBy}");
            return Outcome(input.StoreId, input.Confirmation.Kind, "confirmed") with { RecordsAffected = input.Confirmation.RecordsAffected };
        });
        registry.AddActivityFunc<FinaliseInput, bool>(DsrActivityNames.FinaliseRequest, (_, input) => Record($"final:{input.Status}"));
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    private bool Record(string call)
    {
        calls.Enqueue(call);
        return true;
    }

    private static ConnectorOutcome Outcome(string storeId, OutcomeKind kind, string note) =>
        new(storeId, ConnectorAction.Erase, kind, 0, 0, note, null, DateTimeOffset.UtcNow);

    private async Task<string> StartVerifiedAsync()
    {
        var input = new DsrOrchestrationInput(RequestId, RequestType.Deletion, DateTime.UtcNow.AddMinutes(10));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(DsrRequestOrchestrator.Name, input, new StartOrchestrationOptions(RequestId));
        await OrchestrationWaits.UntilAsync(() => calls.Contains("code"));
        await host.Client.RaiseEventAsync(id, DsrEvents.IdentityVerified, true);
        return id;
    }

    [Fact]
    public async Task A_confirmation_ends_the_wait_while_the_other_stores_are_already_done()
    {
        var id = await StartVerifiedAsync();
        await OrchestrationWaits.UntilAsync(() => calls.Contains("remind:reseller:1"));
        var progress = (await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true))!.ReadCustomStatusAs<DsrProgress>()!;

        await host.Client.RaiseEventAsync(id, DsrEvents.StoreConfirmed("reseller"), new StoreConfirmation(OutcomeKind.Done, 4, "reseller.erase", "partner:acme"));
        var result = await OrchestrationWaits.ResultAsync(host, id);

        Assert.Equal(nameof(OutcomeKind.Done), progress.Stores.Single(s => s.StoreId == "accounts").State);
        Assert.Equal(nameof(OutcomeKind.Waiting), progress.Stores.Single(s => s.StoreId == "reseller").State);
        Assert.Equal(RequestStatus.Completed, result.Status);
        var reseller = result.Stores.Single(s => s.StoreId == "reseller");
        Assert.Equal((nameof(OutcomeKind.Done), 4), (reseller.State, reseller.RecordsAffected));
        Assert.Contains("confirmed:reseller:partner:acme", calls);
        Assert.DoesNotContain(calls, c => c.StartsWith("escalate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_confirmation_reminders_are_sent_then_staff_are_alerted_at_the_deadline()
    {
        var id = await StartVerifiedAsync();

        var result = await OrchestrationWaits.ResultAsync(host, id);

        Assert.Equal(RequestStatus.CompletedWithExceptions, result.Status);
        Assert.Equal(nameof(OutcomeKind.Failed), result.Stores.Single(s => s.StoreId == "reseller").State);
        // Reminders every second until the 5-second deadline (how many depends on how fast activities run), then one escalation.
        var reseller = calls.Where(c => c.Contains("reseller", StringComparison.Ordinal)).ToList();
        Assert.Equal("escalate:reseller", reseller[^1]);
        Assert.InRange(reseller.Count - 1, 2, 4);
        Assert.Equal(Enumerable.Range(1, reseller.Count - 1).Select(n => $"remind:reseller:{n}"), reseller[..^1]);
        Assert.Contains("final:CompletedWithExceptions", calls);
    }
}
