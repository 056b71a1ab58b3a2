using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Comintech.Dsr.Connectors.ProcessorRouting;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.LocalEngine.Demo;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.LocalEngine.Tests;

/// <summary>
/// The newcomer's walk-through on the full demo map the engine ships: one deletion for Ada reaches every kind of store
/// that runs without an external service, and completes once the reseller's mailed link is followed and staff mark the
/// paper contracts done (the demo domain agent confirms by itself; the demo Client's answer is not waited for).
/// </summary>
public sealed class DemoMapEndToEndTests : IAsyncLifetime
{
    private const string StaffKey = "staff-key-for-the-demo-map-test";
    private readonly AzuriteFixture azurite = new();
    private EngineProcess engine = null!;
    private HttpClient staff = null!;

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        engine = new EngineProcess(azurite.ConnectionString, "demo" + Guid.NewGuid().ToString("N")[..8], new Dictionary<string, string>
        {
            ["DataMap__File"] = EngineProcess.DemoMap,
            ["Staff__ApiKey"] = StaffKey,
            ["Demo__Partners__ResellerSecret"] = "demo-reseller-secret-0123456789",
            ["Demo__Partners__DomainAgentSecret"] = "demo-agent-secret-0123456789",
            ["Demo__Clients__NorthwindSecret"] = "demo-client-secret-0123456789",
            ["Demo__SendGridApiKey"] = "SG.demo-key-for-the-test",
            ["Demo__PartnerDelay"] = "00:00:01",
        });
        await engine.StartAsync();
        staff = new HttpClient { BaseAddress = engine.Http.BaseAddress };
        staff.DefaultRequestHeaders.Add("X-Api-Key", StaffKey);
    }

    public async Task DisposeAsync()
    {
        staff.Dispose();
        await engine.DisposeAsync();
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task A_deletion_for_a_demo_person_reaches_every_kind_of_store_and_completes_after_the_partner_link_and_the_manual_step()
    {
        var ada = DemoDataSeeder.People[0];
        var mailboxesBefore = await TableRows.AllAsync(azurite.Storage.Tables.GetTableClient("HostedMailboxes"));
        var id = await engine.SubmitAsync(new { type = "deletion", email = ada.Email, fullName = ada.FullName, accountId = ada.AccountId });
        using (var verified = await engine.VerifyAsync(id, await engine.CodeAsync(id)))
        {
            Assert.True(verified.IsSuccessStatusCode, await verified.Content.ReadAsStringAsync());
        }

        var reseller = await MailPickup.WaitForAsync(engine.PickupDirectory, $"{id}.demo-reseller.partner-0.eml", TimeSpan.FromSeconds(60));
        var link = new Uri(Regex.Match(reseller.TextBody ?? "", @"http://\S+/confirmations/link\?\S+").Value);
        Assert.Contains("<form method=\"post\">", await engine.Http.GetStringAsync(link), StringComparison.Ordinal);
        Assert.Equal("InProgress", (await engine.StatusAsync(id)).GetProperty("status").GetString());
        using (var confirmed = await engine.Http.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string> { ["outcome"] = "done", ["recordsAffected"] = "1" })))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }

        await MailPickup.WaitForAsync(engine.PickupDirectory, $"{id}.paper-contracts.task.eml", TimeSpan.FromSeconds(30));
        Assert.Equal("InProgress", (await engine.StatusAsync(id)).GetProperty("status").GetString());
        using (var done = await staff.PostAsJsonAsync(new Uri($"/api/staff/requests/{id}/stores/paper-contracts/done", UriKind.Relative), new { note = "Contract shredded." }))
        {
            Assert.Equal(HttpStatusCode.Accepted, done.StatusCode);
        }

        var status = await engine.WaitForStatusAsync(id, "Completed", TimeSpan.FromSeconds(120));
        var stores = status.GetProperty("stores").EnumerateArray().ToDictionary(s => s.GetProperty("storeId").GetString()!, s => s.GetProperty("state").GetString());
        var kinds = DemoKinds();
        var reached = stores.Keys.Where(kinds.ContainsKey).ToList();
        Assert.True(reached.Count >= 8, string.Join(", ", reached));
        Assert.True(reached.Select(s => kinds[s]).Distinct().Count() >= 7, string.Join(", ", reached.Select(s => kinds[s]).Distinct()));
        Assert.Equal(
            ["AzureTable", "Backup", "BlobWebLogs", "Manual", "PartnerWebhook:Email", "PartnerWebhook:Endpoint", "ProcessorRouting", "SendGridMarketing"],
            reached.Select(s => kinds[s]).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal("Retained", stores["nightly-backups"]);
        Assert.All(["web-logs", "demo-reseller", "demo-domain-agent", "paper-contracts", "client-hosted", "newsletter", "customer-accounts"], s => Assert.Equal("Done", stores[s]));

        var evidence = await new EvidenceLedger(azurite.Storage, TimeProvider.System).ReadAsync(id);
        var outcomeLinks = evidence.Where(e => e.EventType == EvidenceEvents.StoreOutcome.Name)
            .Select(e => JsonDocument.Parse(e.Details).RootElement.GetProperty("storeId").GetString()).ToList();
        Assert.All(stores.Keys, s => Assert.Single(outcomeLinks, o => o == s));
        Assert.Single(evidence, e => e.EventType == EvidenceEvents.ClientForwarded.Name);

        var notice = await MailPickup.WaitForAsync(engine.PickupDirectory, $"{id}.final.eml", TimeSpan.FromSeconds(30));
        Assert.Contains(DemoDataSeeder.DemoClient.Name, notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("controller", notice.TextBody, StringComparison.Ordinal);

        Assert.DoesNotContain(await TableRows.AllAsync(azurite.Storage.Tables.GetTableClient(DemoSendGrid.ContactsTable)), r => r.RowKey == ada.Email);
        Assert.Equal(
            mailboxesBefore.Select(r => (r.PartitionKey, r.RowKey, r.GetString("ClientId"))),
            (await TableRows.AllAsync(azurite.Storage.Tables.GetTableClient("HostedMailboxes"))).Select(r => (r.PartitionKey, r.RowKey, r.GetString("ClientId"))));

        await MailPickup.WaitForAsync(engine.PickupDirectory, $"{id}.client-hosted.client-{DemoDataSeeder.DemoClient.ClientId}-0.eml", TimeSpan.FromSeconds(5));
        var clients = await staff.GetFromJsonAsync<JsonElement>(new Uri($"/api/staff/requests/{id}/clients", UriKind.Relative));
        Assert.Equal(DemoDataSeeder.DemoClient.ClientId, Assert.Single(clients.EnumerateArray()).GetProperty("clientId").GetString());
        var logs = engine.Output.Split('\n').Where(line => !line.Contains("\"email\":", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, line => line.Contains(ada.Email, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_readme_walks_through_what_the_demo_prints()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(LocalEngine.Engine.RepositoryPaths.Root, "README.md"));
        Assert.All(DemoSetup.Walkthrough("http://127.0.0.1:7071", ".dsr/mail"), line => Assert.Contains(line, readme, StringComparison.Ordinal));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!engine.Output.Contains("Demo: one deletion", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Contains(DemoSetup.Walkthrough(engine.BaseUrl, "x").First(), engine.Output, StringComparison.Ordinal);
    }

    /// <summary>Store id → kind in the shipped demo map; partners split by how they are reached.</summary>
    private static Dictionary<string, string> DemoKinds()
    {
        using var map = JsonDocument.Parse(File.ReadAllText(EngineProcess.DemoMap));
        return map.RootElement.GetProperty("DataMap").GetProperty("Stores").EnumerateArray().ToDictionary(
            s => s.GetProperty("Id").GetString()!,
            s => s.GetProperty("Kind").GetString() is "PartnerWebhook" and var kind
                ? kind + (s.GetProperty("Settings").TryGetProperty("Email", out _) ? ":Email" : ":Endpoint")
                : s.GetProperty("Kind").GetString()!);
    }
}
