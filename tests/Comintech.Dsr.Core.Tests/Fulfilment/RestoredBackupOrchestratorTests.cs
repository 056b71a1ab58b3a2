using System.Collections.Concurrent;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Fulfilment.Restore;
using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Workflow;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask;

namespace Comintech.Dsr.Core.Tests.Fulfilment;

/// <summary>The restore orchestration on the DurableTaskTestHost: every ledgered erasure re-applied to every covered store.</summary>
public sealed class RestoredBackupOrchestratorTests : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, int> attempts = new();
    private DurableTaskTestHost host = null!;

    public async Task InitializeAsync() => host = await TestDurableHost.StartAsync(registry =>
    {
        registry.AddOrchestrator<RestoredBackupOrchestrator>();
        registry.AddActivityFunc<RestoreInput, RestorePlan>(DsrActivityNames.ListLedgeredErasures, (_, _) => new RestorePlan(
            [new LedgeredErasure("req-a", [Store("accounts"), Store("billing")]), new LedgeredErasure("req-b", [Store("accounts")])]));
        registry.AddActivityFunc<ReapplyInput, ConnectorOutcome>(DsrActivityNames.ReapplyErasure, (_, input) =>
        {
            attempts.AddOrUpdate($"{input.RequestId}/{input.StoreId}/{input.RestoreId}", 1, (_, n) => n + 1);
            if (input.StoreId == "billing")
            {
                throw new ConnectorException("Billing database unreachable");
            }

            return new ConnectorOutcome(input.StoreId, ConnectorAction.Erase, OutcomeKind.Done, 1, 1, null, null, DateTimeOffset.UtcNow);
        });
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    private static PlannedStore Store(string id) => new(id, 3, TimeSpan.FromMilliseconds(100), 1);

    [Fact]
    public async Task Every_erasure_is_reapplied_to_every_covered_store_and_failures_are_counted()
    {
        var input = new RestoreInput("restore-1", "backups", "20261128T0000Z");
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(RestoredBackupOrchestrator.Name, input, new StartOrchestrationOptions(input.RestoreId));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        var metadata = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(new RestoreResult(2, 2, 1), metadata.ReadOutputAs<RestoreResult>());
        Assert.Equal(1, attempts["req-a/accounts/restore-1"]);
        Assert.Equal(1, attempts["req-b/accounts/restore-1"]);
        Assert.Equal(3, attempts["req-a/billing/restore-1"]);
    }
}
