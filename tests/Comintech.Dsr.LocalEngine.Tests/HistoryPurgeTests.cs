using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Fulfilment.Deletion;
using Comintech.Dsr.LocalEngine.Demo;
using Comintech.Dsr.Staff;
using Comintech.Dsr.StaffAccess;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.LocalEngine.Tests;

/// <summary>The history purge: a finished request's orchestration history leaves the task hub; the request keeps everything.</summary>
public sealed class HistoryPurgeTests : IAsyncLifetime
{
    private const string ApiKey = "purge-tests-key-0123456789";
    private readonly AzuriteFixture azurite = new();

    public Task InitializeAsync() => azurite.InitializeAsync();

    public Task DisposeAsync() => azurite.DisposeAsync();

    [Fact]
    public async Task A_finished_request_loses_its_history_and_keeps_status_stores_evidence_and_certificate_and_is_not_started_again()
    {
        var hub = "purge" + Guid.NewGuid().ToString("N")[..8];
        await using var engine = new EngineProcess(azurite.ConnectionString, hub, new Dictionary<string, string>
        {
            ["Staff__ApiKey"] = ApiKey,
            ["Dsr__History__PurgeAfter"] = "00:00:00",
            ["Dsr__Retention__Interval"] = "00:00:05",
            ["Engine__PurgeCompletedRequests"] = "false",
        });
        var (id, before) = await CompleteOneAsync(engine);
        var instances = azurite.Storage.Tables.GetTableClient(hub + "Instances");
        await UntilPurgedAsync(instances, id, TimeSpan.FromSeconds(60), engine);

        var after = await engine.StatusAsync(id);
        Assert.Equal(("Completed", "Done"), (after.GetProperty("status").GetString(), after.GetProperty("stage").GetString()));
        Assert.Equal(States(before), States(after));
        Assert.True((await new EvidenceLedger(azurite.Storage, TimeProvider.System).VerifyAsync(id)).IsIntact);
        Assert.True(await azurite.Storage.EvidenceDocuments.GetBlobClient($"{id}/{DeletionCertificates.JsonName}").ExistsAsync());

        var report = await StaffPostAsync(engine, "/api/staff/reconcile");
        Assert.Equal((0, 0), (report.GetProperty("started").GetInt32(), report.GetProperty("repaired").GetInt32()));
        using var restart = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/staff/requests/{id}/restart", UriKind.Relative));
        restart.Headers.Add(StaffAuthenticator.ApiKeyHeader, ApiKey);
        using (var refused = await engine.Http.SendAsync(restart))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        }

        Assert.False(await instances.GetEntityIfExistsAsync<TableEntity>(id, "") is { HasValue: true });
        Assert.Equal("Completed", (await engine.StatusAsync(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_completed_request_workflow_leaves_the_task_hub_at_once_while_its_running_deadline_watch_stays()
    {
        var hub = "done" + Guid.NewGuid().ToString("N")[..8];
        await using var engine = new EngineProcess(azurite.ConnectionString, hub);
        var (id, before) = await CompleteOneAsync(engine);
        var instances = azurite.Storage.Tables.GetTableClient(hub + "Instances");
        var history = azurite.Storage.Tables.GetTableClient(hub + "History");
        // Dsr:History:PurgeAfter is 30 days here: only the purge at completion removes it this soon.
        await UntilPurgedAsync(instances, id, TimeSpan.FromSeconds(30), engine);

        Assert.Empty(await RowsAsync(history, id));
        var watch = Comintech.Dsr.Deadlines.DeadlineWatchOrchestrator.InstanceIdFor(id);
        Assert.Equal("Running", (await instances.GetEntityAsync<TableEntity>(watch, "")).Value.GetString("RuntimeStatus"));
        Assert.NotEmpty(await RowsAsync(history, watch));
        var after = await engine.StatusAsync(id);
        Assert.Equal(("Completed", "Done"), (after.GetProperty("status").GetString(), after.GetProperty("stage").GetString()));
        Assert.Equal(States(before), States(after));
    }

    /// <summary>Starts the engine, and submits, verifies and waits out one deletion; its id and its completed status.</summary>
    private static async Task<(string Id, JsonElement Completed)> CompleteOneAsync(EngineProcess engine)
    {
        await engine.StartAsync();
        var alan = DemoDataSeeder.People[2];
        var id = await engine.SubmitAsync(new { type = "deletion", email = alan.Email, fullName = alan.FullName });
        using (await engine.VerifyAsync(id, await engine.CodeAsync(id)))
        {
        }

        return (id, await engine.WaitForStatusAsync(id, "Completed", TimeSpan.FromSeconds(90)));
    }

    private static async Task UntilPurgedAsync(TableClient instances, string id, TimeSpan within, EngineProcess engine)
    {
        var deadline = DateTime.UtcNow + within;
        while (await instances.GetEntityIfExistsAsync<TableEntity>(id, "") is { HasValue: true })
        {
            Assert.True(DateTime.UtcNow < deadline, $"The history of {id} was not purged within {within.TotalSeconds} s.\n{engine.Output}");
            await Task.Delay(500);
        }
    }

    private static async Task<List<TableEntity>> RowsAsync(TableClient table, string partition)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static List<string> States(JsonElement status) =>
        [.. status.GetProperty("stores").EnumerateArray().Select(s => $"{s.GetProperty("storeId").GetString()}={s.GetProperty("state").GetString()}").Order()];

    private static async Task<JsonElement> StaffPostAsync(EngineProcess engine, string path)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative));
        message.Headers.Add(StaffAuthenticator.ApiKeyHeader, ApiKey);
        using var response = await engine.Http.SendAsync(message);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
