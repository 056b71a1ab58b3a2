using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Comintech.Dsr.Connectors.Partners;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.LocalEngine.Demo;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.LocalEngine.Tests;

/// <summary>
/// A deletion through the engine with a reseller reached by signed webhook and a manual step: the request waits for
/// both, the partner confirms under its signature (bad and replayed confirmations refused), staff mark the step done.
/// </summary>
public sealed class WaitingStoresEndToEndTests : IAsyncLifetime
{
    private const string Secret = "acme-shared-secret-0123456789";
    private const string StaffKey = "staff-key-for-the-waiting-stores-test";
    private readonly AzuriteFixture azurite = new();
    private readonly LoopbackReceiver partner = new("dsr");
    private readonly string dataMapFile = Path.Combine(Path.GetTempPath(), $"dsr-datamap-{Guid.NewGuid():N}.json");
    private EngineProcess engine = null!;
    private HttpClient staff = null!;

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        await File.WriteAllTextAsync(dataMapFile, JsonSerializer.Serialize(new
        {
            DataMap = new
            {
                Stores = new object[]
                {
                    Store("customer-accounts", "AzureTable", new { Table = DemoDataSeeder.CustomerAccountsTable }),
                    Store("acme-reseller", "PartnerWebhook", new { PartnerId = "acme", Endpoint = partner.Url, SecretName = "Partners:Acme:Secret" }),
                    Store("beta-agent", "PartnerWebhook", new { PartnerId = "beta", Email = "privacy@beta-agent.example", SecretName = "Partners:Beta:Secret" }),
                    Store("paper-archive", "Manual", new { Instructions = "Shred the signed paper contract in the archive." }),
                    new
                    {
                        Id = "support-desk", Name = "support-desk", Kind = "AzureTable", Categories = new[] { "tickets" }, Purpose = "Support",
                        LegalBasis = "Contract", Retention = "2 years", Settings = new { Table = DemoDataSeeder.SupportTicketsTable },
                        Actions = new { Erase = new { Mode = "Manual" } },
                    },
                    Store("nightly-backups", "Backup", new { RetentionDays = "35", Covers = "customer-accounts" }),
                },
            },
        }));
        engine = new EngineProcess(azurite.ConnectionString, "wait" + Guid.NewGuid().ToString("N")[..8], new Dictionary<string, string>
        {
            ["DataMap__File"] = dataMapFile,
            ["Partners__Acme__Secret"] = Secret,
            ["Staff__ApiKey"] = StaffKey,
            ["Partners__Beta__Secret"] = "beta-shared-secret-0123456789",
        });
        await engine.StartAsync();
        staff = new HttpClient { BaseAddress = engine.Http.BaseAddress };
        staff.DefaultRequestHeaders.Add("X-Api-Key", StaffKey);
    }

    public async Task DisposeAsync()
    {
        staff.Dispose();
        await engine.DisposeAsync();
        partner.Dispose();
        File.Delete(dataMapFile);
        await azurite.DisposeAsync();
    }

    private static object Store(string id, string kind, object settings) => new
    {
        Id = id,
        Name = id,
        Kind = kind,
        Categories = new[] { "contact details" },
        Purpose = "Service",
        LegalBasis = "Contract",
        Retention = "Life of the account",
        Settings = settings,
    };

    private Task<HttpResponseMessage> ConfirmAsync(string body, string secret, long? timestamp = null) =>
        engine.PartnerConfirmAsync("acme", secret, body, timestamp);

    [Fact]
    public async Task The_request_waits_for_the_partner_and_the_manual_step_then_completes()
    {
        var grace = DemoDataSeeder.People[1];
        var id = await engine.SubmitAsync(new { type = "deletion", email = grace.Email, fullName = grace.FullName, accountId = grace.AccountId });
        using (await engine.VerifyAsync(id, await engine.CodeAsync(id)))
        {
        }

        var task = await MailPickup.WaitForAsync(engine.PickupDirectory, $"{id}.paper-archive.task.eml", TimeSpan.FromSeconds(60));
        Assert.Contains("Shred the signed paper contract", task.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(grace.Email, task.TextBody, StringComparison.OrdinalIgnoreCase);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (partner.Received.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        var (sent, timestamp, signature) = Assert.Single(partner.Received);
        Assert.Equal(PartnerSignature.Sign(Secret, long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture), sent), signature);
        Assert.Equal(grace.Email, JsonDocument.Parse(sent).RootElement.GetProperty("subject").GetProperty("email").GetString());
        Assert.Equal("InProgress", (await engine.StatusAsync(id)).GetProperty("status").GetString());

        var confirmation = JsonSerializer.Serialize(new { requestId = id, action = "erase", outcome = "done", recordsAffected = 2 });
        using (var forged = await ConfirmAsync(confirmation, "not-the-shared-secret-000000"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        }

        using (var stale = await ConfirmAsync(confirmation, Secret, DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds()))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using (var accepted = await ConfirmAsync(confirmation, Secret, now))
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        using (var replayed = await ConfirmAsync(confirmation, Secret, now))
        {
            Assert.Equal(HttpStatusCode.Conflict, replayed.StatusCode);
        }

        await ConfirmThroughTheMailedLinkAsync(id);

        using (var anonymous = await engine.Http.PostAsJsonAsync(new Uri($"/api/staff/requests/{id}/stores/paper-archive/done", UriKind.Relative), new { note = "x" }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using (var noNote = await staff.PostAsJsonAsync(new Uri($"/api/staff/requests/{id}/stores/paper-archive/done", UriKind.Relative), new { outcome = "done" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        }

        var done = new { note = "Contract shredded.", recordsAffected = 1, attachmentName = "shredding-receipt.txt", attachmentBase64 = Convert.ToBase64String("receipt 42"u8.ToArray()) };
        using (var marked = await staff.PostAsJsonAsync(new Uri($"/api/staff/requests/{id}/stores/paper-archive/done", UriKind.Relative), done))
        {
            Assert.Equal(HttpStatusCode.Accepted, marked.StatusCode);
        }

        var supportTask = await MailPickup.WaitForAsync(engine.PickupDirectory, $"{id}.support-desk.task.eml", TimeSpan.FromSeconds(30));
        Assert.Contains("support-desk", supportTask.Subject, StringComparison.Ordinal);
        using (var marked = await staff.PostAsJsonAsync(new Uri($"/api/staff/requests/{id}/stores/support-desk/done", UriKind.Relative), new { note = "Tickets redacted by hand.", outcome = "done" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, marked.StatusCode);
        }

        var status = await engine.WaitForStatusAsync(id, "Completed", TimeSpan.FromSeconds(90));
        var stores = status.GetProperty("stores").EnumerateArray().ToDictionary(s => s.GetProperty("storeId").GetString()!, s => s);
        Assert.Equal("Done", stores["acme-reseller"].GetProperty("state").GetString());
        Assert.Equal(2, stores["acme-reseller"].GetProperty("recordsAffected").GetInt32());
        Assert.Equal("Done", stores["paper-archive"].GetProperty("state").GetString());
        Assert.Equal("NothingFound", stores["beta-agent"].GetProperty("state").GetString());
        var evidence = await new EvidenceLedger(azurite.Storage, TimeProvider.System).ReadAsync(id);
        Assert.Equal(4, evidence.Count(e => e.EventType == EvidenceEvents.StoreConfirmed.Name));
        Assert.Contains(await TableRows.AllAsync(azurite.Storage.Tables.GetTableClient(DemoDataSeeder.SupportTicketsTable)), r => r.GetString("Email") == grace.Email);
        Assert.All(evidence, e => Assert.DoesNotContain("Contract shredded", e.Details, StringComparison.Ordinal));
        Assert.Equal("Retained", stores["nightly-backups"].GetProperty("state").GetString());
        Assert.StartsWith("Beyond use until ", stores["nightly-backups"].GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(grace.Email, engine.Logged, StringComparison.OrdinalIgnoreCase);

        await RestoreBackupAndSeeTheErasureReappliedAsync(id, grace);
    }

    private async Task ConfirmThroughTheMailedLinkAsync(string requestId)
    {
        var mail = await MailPickup.WaitForAsync(engine.PickupDirectory, $"{requestId}.beta-agent.partner-0.eml", TimeSpan.FromSeconds(60));
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(mail.TextBody ?? "", @"http://\S+/confirmations/link\?\S+").Value);
        var form = await engine.Http.GetStringAsync(link);
        Assert.Contains("<form method=\"post\">", form, StringComparison.Ordinal);

        using (var tampered = await engine.Http.PostAsync(new Uri(link.ToString().Replace("action=erase", "action=access", StringComparison.Ordinal)), Form("done")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        }

        using var confirmed = await engine.Http.PostAsync(link, Form("nothing-found"));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Thank you", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        static FormUrlEncodedContent Form(string outcome) => new(new Dictionary<string, string> { ["outcome"] = outcome, ["recordsAffected"] = "0" });
    }

    private async Task RestoreBackupAndSeeTheErasureReappliedAsync(string requestId, DemoPerson person)
    {
        var accounts = azurite.Storage.Tables.GetTableClient(DemoDataSeeder.CustomerAccountsTable);
        await accounts.UpsertEntityAsync(new Azure.Data.Tables.TableEntity("accounts", person.AccountId) { ["AccountId"] = person.AccountId, ["Email"] = person.Email });

        using (var unknown = await staff.PostAsJsonAsync(new Uri("/api/staff/backups/restored", UriKind.Relative), new { storeId = "customer-accounts", backupId = "x" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        }

        using var restored = await staff.PostAsJsonAsync(new Uri("/api/staff/backups/restored", UriKind.Relative), new { storeId = "nightly-backups", backupId = "20261128T0000Z" });
        Assert.Equal(HttpStatusCode.Accepted, restored.StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await accounts.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("accounts", person.AccountId)).HasValue)
        {
            Assert.True(DateTime.UtcNow < deadline, "The restored row was not erased again.");
            await Task.Delay(500);
        }

        var evidence = await new EvidenceLedger(azurite.Storage, TimeProvider.System).ReadAsync(requestId);
        Assert.Single(evidence, e => e.EventType == EvidenceEvents.StoreReapplied.Name);
    }
}
