using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Comintech.Dsr.Connectors.Partners;
using Comintech.Dsr.Connectors.ProcessorRouting;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.LocalEngine.Demo;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.LocalEngine.Tests;

/// <summary>
/// A person whose mailbox is hosted for one Client (reached by signed webhook) and whose whole mail domain and a
/// mailing-list entry are hosted for another (reached by e-mail): the request is forwarded, signed, to both and
/// completes without their answers; one answers, the other never does and is reminded, then escalated to staff.
/// None of the Clients' data is touched.
/// </summary>
public sealed class ProcessorRoutingEndToEndTests : IAsyncLifetime
{
    private const string SecretA = "client-a-shared-secret-0123456789";
    private const string SecretB = "client-b-shared-secret-0123456789";
    private const string StaffKey = "staff-key-for-the-processor-routing-test";
    private readonly AzuriteFixture azurite = new();
    private readonly LoopbackReceiver clientA = new("privacy");
    private readonly string dataMapFile = Path.Combine(Path.GetTempPath(), $"dsr-datamap-{Guid.NewGuid():N}.json");
    private EngineProcess engine = null!;
    private HttpClient staff = null!;

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        await SeedAsync();
        await File.WriteAllTextAsync(dataMapFile, JsonSerializer.Serialize(new
        {
            DataMap = new
            {
                Stores = new object[]
                {
                    new
                    {
                        Id = "client-hosted", Name = "Hosted for Clients", Kind = ProcessorRoutingConnector.KindName, Categories = new[] { "e-mail" },
                        Purpose = "Hosting for Clients", LegalBasis = "The Client's", Retention = "As the Client decides",
                        Waiting = new { ConfirmWithin = "00:00:15", RemindEvery = "00:00:02" },
                        Settings = new { ClientsTable = "HostedClients", MailboxTable = "HostedMailboxes", ListTable = "HostedMarketingLists" },
                    },
                },
            },
        }));
        engine = new EngineProcess(azurite.ConnectionString, "route" + Guid.NewGuid().ToString("N")[..8], new Dictionary<string, string>
        {
            ["DataMap__File"] = dataMapFile,
            ["Engine__SeedDemoData"] = "false",
            ["Staff__ApiKey"] = StaffKey,
            ["Clients__A__Secret"] = SecretA,
            ["Clients__B__Secret"] = SecretB,
            ["Dsr__ProcessorRouting__Notice__en"] = "Ask these controllers directly:\n{clients}",
        });
        await engine.StartAsync();
        staff = new HttpClient { BaseAddress = engine.Http.BaseAddress };
        staff.DefaultRequestHeaders.Add("X-Api-Key", StaffKey);
    }

    public async Task DisposeAsync()
    {
        staff.Dispose();
        await engine.DisposeAsync();
        clientA.Dispose();
        File.Delete(dataMapFile);
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task Two_Clients_get_the_request_signed_one_answers_the_other_is_reminded_then_escalated_and_no_Client_data_is_touched()
    {
        var grace = DemoDataSeeder.People[1];
        var before = await ClientDataAsync();
        var id = await engine.SubmitAsync(new { type = "deletion", email = grace.Email, fullName = grace.FullName });
        using (await engine.VerifyAsync(id, await engine.CodeAsync(id)))
        {
        }

        var status = await engine.WaitForStatusAsync(id, "Completed", TimeSpan.FromSeconds(60));
        var store = Assert.Single(status.GetProperty("stores").EnumerateArray(), s => s.GetProperty("storeId").GetString() == "client-hosted");
        Assert.Equal(2, store.GetProperty("recordsFound").GetInt32());

        var (sent, timestamp, signature) = clientA.Received.First();
        Assert.Equal(PartnerSignature.Sign(SecretA, long.Parse(timestamp, CultureInfo.InvariantCulture), sent), signature);
        var forward = JsonDocument.Parse(sent).RootElement;
        Assert.Equal(("client-a", "controller", "erase", grace.Email), (
            forward.GetProperty("clientId").GetString(), forward.GetProperty("role").GetString(), forward.GetProperty("action").GetString(),
            forward.GetProperty("subject").GetProperty("email").GetString()));

        var mailed = await MailPickup.WaitForAsync(engine.PickupDirectory, $"{id}.client-hosted.client-client-b-0.eml", TimeSpan.FromSeconds(10));
        Assert.Equal("privacy@client-b.example", mailed.To.Mailboxes.Single().Address);
        Assert.Contains("hosted mail domain; marketing list 'Spring sale'", mailed.TextBody, StringComparison.Ordinal);
        var link = new Uri(Regex.Match(mailed.TextBody ?? "", @"http://\S+/answers/link\?\S+").Value);
        Assert.Contains("<form method=\"post\">", await engine.Http.GetStringAsync(link), StringComparison.Ordinal);
        using (var tampered = await engine.Http.GetAsync(new Uri(link.ToString().Replace("client-b", "client-a", StringComparison.Ordinal))))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        }

        var notice = await MailPickup.WaitForAsync(engine.PickupDirectory, $"{id}.final.eml", TimeSpan.FromSeconds(10));
        Assert.Contains("Ask these controllers directly:\n- Client A Hosting\n- Client B Shop: privacy@client-b.example", notice.TextBody, StringComparison.Ordinal);

        var answer = JsonSerializer.Serialize(new { requestId = id, outcome = "done", recordsAffected = 3 });
        using (var forged = await AnswerAsync(answer, SecretB))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using (var recorded = await AnswerAsync(answer, SecretA, now))
        {
            Assert.Equal(HttpStatusCode.Accepted, recorded.StatusCode);
        }

        using (var replayed = await AnswerAsync(answer, SecretA, now))
        {
            Assert.Equal(HttpStatusCode.Conflict, replayed.StatusCode);
        }

        using (var unknown = await AnswerAsync(JsonSerializer.Serialize(new { requestId = "AAAAAAAAAAAAAAAAAAAAAAAAAAA", outcome = "done" }), SecretA))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        try
        {
            await MailPickup.WaitForAsync(engine.PickupDirectory, $"{id}.client-hosted.client-client-b-1.eml", TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\nMail: {string.Join(", ", Directory.GetFiles(engine.PickupDirectory).Select(Path.GetFileName))}\n{engine.Output}", ex);
        }

        var escalation = await MailPickup.WaitForAsync(engine.PickupDirectory, $"{id}.client-hosted.client-client-b.escalation.eml", TimeSpan.FromSeconds(40));
        Assert.Contains("Client B Shop", escalation.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(grace.Email, escalation.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(Path.Combine(engine.PickupDirectory, $"{id}.client-hosted.client-client-a.escalation.eml")));

        var clients = (await staff.GetFromJsonAsync<JsonElement>(new Uri($"/api/staff/requests/{id}/clients", UriKind.Relative)))
            .EnumerateArray().ToDictionary(c => c.GetProperty("clientId").GetString()!, c => c);
        Assert.Equal(("Answered", "Done", 3), (clients["client-a"].GetProperty("state").GetString(), clients["client-a"].GetProperty("outcome").GetString(), clients["client-a"].GetProperty("recordsAffected").GetInt32()));
        Assert.Equal("Escalated", clients["client-b"].GetProperty("state").GetString());
        Assert.True(clients["client-b"].GetProperty("reminders").GetInt32() >= 1);
        using (var anonymous = await engine.Http.GetAsync(new Uri($"/api/staff/requests/{id}/clients", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        var evidence = await new EvidenceLedger(azurite.Storage, TimeProvider.System).ReadAsync(id);
        Assert.Equal(2, evidence.Count(e => e.EventType == EvidenceEvents.ClientForwarded.Name));
        Assert.Single(evidence, e => e.EventType == EvidenceEvents.ClientAnswered.Name);
        Assert.Single(evidence, e => e.EventType == EvidenceEvents.ClientEscalated.Name);
        Assert.Contains(evidence, e => e.EventType == EvidenceEvents.ClientReminded.Name);
        Assert.All(evidence, e => Assert.DoesNotContain(grace.Email, e.Details, StringComparison.OrdinalIgnoreCase));
        Assert.True(EvidenceLedger.Verify(evidence).IsIntact);
        Assert.Equal(before, await ClientDataAsync());
    }

    private async Task SeedAsync()
    {
        var tables = azurite.Storage.Tables;
        foreach (var name in new[] { "HostedClients", "HostedMailboxes", "HostedMarketingLists" })
        {
            await tables.GetTableClient(name).CreateIfNotExistsAsync();
        }

        var clients = tables.GetTableClient("HostedClients");
        await clients.AddEntityAsync(new TableEntity("clients", "client-a") { ["Name"] = "Client A Hosting", ["Endpoint"] = clientA.Url, ["SecretName"] = "Clients:A:Secret" });
        await clients.AddEntityAsync(new TableEntity("clients", "client-b")
        {
            ["Name"] = "Client B Shop", ["Email"] = "privacy@client-b.example", ["SecretName"] = "Clients:B:Secret", ["PrivacyContact"] = "privacy@client-b.example",
        });
        await clients.AddEntityAsync(new TableEntity("clients", "client-c") { ["Name"] = "Client C", ["Email"] = "privacy@client-c.example", ["SecretName"] = "Clients:B:Secret" });
        var mailboxes = tables.GetTableClient("HostedMailboxes");
        await mailboxes.AddEntityAsync(new TableEntity("example.org", "grace.hopper") { ["ClientId"] = "client-a" });
        await mailboxes.AddEntityAsync(new TableEntity("example.org", HostedClients.WholeDomain) { ["ClientId"] = "client-b" });
        await mailboxes.AddEntityAsync(new TableEntity("example.com", "ada.lovelace") { ["ClientId"] = "client-c" });
        var lists = tables.GetTableClient("HostedMarketingLists");
        await lists.AddEntityAsync(new TableEntity("grace.hopper@example.org", "client-b.spring-sale") { ["ClientId"] = "client-b", ["ListName"] = "Spring sale" });
    }

    /// <summary>Every row of the Clients' tables, with its ETag: any write would change it.</summary>
    private async Task<string> ClientDataAsync()
    {
        var rows = new List<string>();
        foreach (var name in new[] { "HostedClients", "HostedMailboxes", "HostedMarketingLists" })
        {
            rows.AddRange((await TableRows.AllAsync(azurite.Storage.Tables.GetTableClient(name))).Select(r => $"{name}/{r.PartitionKey}/{r.RowKey}/{r.ETag}"));
        }

        return string.Join('\n', rows);
    }

    private Task<HttpResponseMessage> AnswerAsync(string body, string secret, long? timestamp = null)
    {
        var seconds = timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var message = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/clients/client-a/answers", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        message.Headers.Add(PartnerSignature.TimestampHeader, seconds.ToString(CultureInfo.InvariantCulture));
        message.Headers.Add(PartnerSignature.SignatureHeader, PartnerSignature.Sign(secret, seconds, body));
        return engine.Http.SendAsync(message);
    }
}
