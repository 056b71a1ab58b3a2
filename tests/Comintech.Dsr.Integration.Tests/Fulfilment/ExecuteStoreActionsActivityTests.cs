using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Connectors.AzureTable;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Fulfilment.Activities;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.Integration.Tests.Fulfilment;

/// <summary>
/// The stores' first runs in one activity: each store keeps its own outcome (a re-run acts only on the stores not
/// done), a store that fails is left for its own run, and what is kept and ledgered is what one activity per store keeps.
/// </summary>
public sealed class ExecuteStoreActionsActivityTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly string orders = "BatchOrders" + Guid.NewGuid().ToString("N")[..8];

    private WiredCore Core()
    {
        var overrides = new Dictionary<string, string?>();
        foreach (var (key, value) in TestServices.Store(1, "orders", AzureTableConnector.KindName, new Dictionary<string, string> { ["Table"] = orders })
            .Concat(TestServices.Store(2, "invoices", AzureTableConnector.KindName, new Dictionary<string, string> { ["Table"] = "NoSuchTable" + orders[^8..] })))
        {
            overrides[key] = value;
        }

        return new WiredCore(azurite.ConnectionString, overrides);
    }

    private async Task<DsrRequest> SeededRequestAsync(WiredCore core, DataSubject person)
    {
        await SeedAsync(person);
        return await core.AddRequestAsync(RequestType.Deletion, person);
    }

    private async Task SeedAsync(DataSubject person)
    {
        foreach (var table in new[] { TestServices.DefaultStoreTable, orders })
        {
            var client = azurite.Storage.Tables.GetTableClient(table);
            await client.CreateIfNotExistsAsync();
            await client.UpsertEntityAsync(new TableEntity("accounts", person.AccountId!) { ["Email"] = person.Email, ["AccountId"] = person.AccountId });
        }
    }

    private async Task<bool> StillHeldAsync(string table, DataSubject person) =>
        (await azurite.Storage.Tables.GetTableClient(table).GetEntityIfExistsAsync<TableEntity>("accounts", person.AccountId!)).HasValue;

    [Fact]
    public async Task A_rerun_returns_the_kept_outcomes_without_acting_again_and_leaves_the_failing_store_to_its_own_run()
    {
        using var core = Core();
        var person = new DataSubject("bo@example.com", "Bo", "ACC-301");
        var request = await SeededRequestAsync(core, person);
        var input = new StoreBatchInput(request.Id, ConnectorAction.Erase, ["customer-accounts", "orders", "invoices"]);

        var first = await core.Get<ExecuteStoreActionsActivity>().RunAsync(input, CancellationToken.None);
        await SeedAsync(person);
        var rerun = await core.Get<ExecuteStoreActionsActivity>().RunAsync(input, CancellationToken.None);

        Assert.Equal(["customer-accounts", "orders"], first.Outcomes.Select(o => o.StoreId));
        Assert.All(first.Outcomes, o => Assert.Equal((OutcomeKind.Done, 1), (o.Kind, o.RecordsAffected)));
        Assert.Equal(["invoices"], first.Unfinished);
        Assert.Equal(first.Outcomes, rerun.Outcomes);
        Assert.Equal(["invoices"], rerun.Unfinished);
        Assert.True(await StillHeldAsync(TestServices.DefaultStoreTable, person), "the re-run acted on a store already done");
        Assert.True(await StillHeldAsync(orders, person), "the re-run acted on a store already done");
        var kept = (await TableRows.AllAsync(core.Get<DsrStorage>().ConnectorRuns)).Where(e => e.PartitionKey == request.Id);
        Assert.Equal(["customer-accounts", "orders"], kept.Select(e => e.GetString("StoreId")).Order());
        await Assert.ThrowsAsync<ConnectorException>(() =>
            core.Get<ExecuteStoreActionActivity>().RunAsync(new StoreActionInput(request.Id, "invoices", ConnectorAction.Erase), CancellationToken.None));
    }

    [Fact]
    public async Task The_batch_keeps_and_ledgers_what_one_activity_per_store_keeps_and_ledgers()
    {
        using var core = Core();
        var batched = await SeededRequestAsync(core, new DataSubject("cy@example.com", "Cy", "ACC-302"));
        var single = await SeededRequestAsync(core, new DataSubject("di@example.com", "Di", "ACC-303"));
        string[] stores = ["customer-accounts", "orders"];

        var batch = await core.Get<ExecuteStoreActionsActivity>().RunAsync(new StoreBatchInput(batched.Id, ConnectorAction.Erase, stores), CancellationToken.None);
        var alone = new List<ConnectorOutcome>();
        foreach (var store in stores)
        {
            alone.Add(await core.Get<ExecuteStoreActionActivity>().RunAsync(new StoreActionInput(single.Id, store, ConnectorAction.Erase), CancellationToken.None));
        }

        Assert.Equal(alone.Select(o => o with { CompletedAt = default }), batch.Outcomes.Select(o => o with { CompletedAt = default }));
        Assert.Equal(await KeptAsync(core, single.Id), await KeptAsync(core, batched.Id));
        await core.Get<FinaliseRequestActivity>().RunAsync(new FinaliseInput(batched.Id, RequestStatus.Completed, batch.Outcomes), CancellationToken.None);
        await core.Get<FinaliseRequestActivity>().RunAsync(new FinaliseInput(single.Id, RequestStatus.Completed, alone), CancellationToken.None);
        Assert.Equal(await LedgeredAsync(core, single.Id), await LedgeredAsync(core, batched.Id));
    }

    /// <summary>The run records of a request, without what differs between two requests (their id, times).</summary>
    private static async Task<List<string>> KeptAsync(WiredCore core, string requestId) =>
        [.. (await TableRows.AllAsync(core.Get<DsrStorage>().ConnectorRuns))
            .Where(e => e.PartitionKey == requestId)
            .Select(e => string.Join(
                ';',
                e.RowKey.Replace(requestId, "", StringComparison.Ordinal),
                string.Join(',', e.Keys.Where(k => k is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag" or "CompletedAt")).Order().Select(k => $"{k}={e[k]}"))))];

    /// <summary>The evidence events of a request with their details, without times and hashes.</summary>
    private static async Task<List<string>> LedgeredAsync(WiredCore core, string requestId) =>
        [.. (await core.Get<EvidenceLedger>().ReadAsync(requestId))
            .Where(e => e.EventType == EvidenceEvents.StoreOutcome.Name)
            .Select(e => $"{e.Sequence};{e.Actor};{Without(e.Details, "completedAt")}")];

    private static string Without(string json, string property)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove(property);
        return node.ToJsonString();
    }
}
