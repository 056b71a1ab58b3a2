using System.Net;
using Azure.Data.Tables;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.LocalEngine.Demo;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.LocalEngine.Tests;

/// <summary>An engine whose retention pass runs every few seconds.</summary>
public sealed class FrequentRetentionEngineFixture : EngineFixture
{
    public const string StaffKey = "staff-key-for-own-data-tests-0123456789";

    protected override IDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["Dsr__Retention__Interval"] = "00:00:05",
        ["Staff__ApiKey"] = StaffKey,
    };
}

/// <summary>
/// The system practises what it enforces, end to end: after a run of requests on every channel, none of its own tables
/// holds a person's address or name in clear, exports are gone once packaged, and a closed deletion keeps only hashes.
/// </summary>
public sealed class OwnDataEndToEndTests(FrequentRetentionEngineFixture fixture) : IClassFixture<FrequentRetentionEngineFixture>
{
    private static readonly string[] DemoStores =
        [DemoDataSeeder.CustomerAccountsTable, DemoDataSeeder.SupportTicketsTable, DemoDataSeeder.InvoicesTable, "LoginHistory",
        "HostedClients", "HostedMailboxes", "HostedMarketingLists", DemoSendGrid.ContactsTable, DemoSendGrid.SuppressionsTable];

    private EngineProcess Engine => fixture.Engine;

    [Fact]
    public async Task No_table_of_the_system_holds_an_address_or_name_in_clear_after_requests_on_every_channel()
    {
        var (ada, grace, alan) = (DemoDataSeeder.People[0], DemoDataSeeder.People[1], DemoDataSeeder.People[2]);
        var access = await Engine.SubmitAsync(new { type = "access", email = ada.Email, fullName = ada.FullName, accountId = ada.AccountId, details = $"I am {ada.FullName}" });
        var deletion = await Engine.SubmitAsync(new { type = "deletion", email = alan.Email, fullName = alan.FullName, accountId = alan.AccountId });
        await Engine.SubmitAsync(new { type = "correction", email = "never.verifies@example.com", fullName = "Never Verifies", corrections = new { phone = "+1 555 0100" } });
        var raw = TestMail.Raw($"{grace.FullName} <{grace.Email}>", "Subject access request", "Please send me a copy of all my personal data.");
        await fixture.Azurite.Storage.InboundMail.GetBlobClient($"scan/{Guid.NewGuid():N}.eml").UploadAsync(BinaryData.FromBytes(raw));
        foreach (var id in new[] { access, deletion })
        {
            using var verified = await Engine.VerifyAsync(id, await Engine.CodeAsync(id));
            Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        }

        await Engine.WaitForStatusAsync(access, "Completed", TimeSpan.FromSeconds(90));
        await Engine.WaitForStatusAsync(deletion, "Completed", TimeSpan.FromSeconds(90));
        using (var detail = new HttpRequestMessage(HttpMethod.Get, $"/api/staff/requests/{access}"))
        {
            detail.Headers.Add("X-Api-Key", FrequentRetentionEngineFixture.StaffKey);
            using var answer = await Engine.Http.SendAsync(detail);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        Assert.Empty(await BlobsAsync(DsrStorage.ExportsContainer, access + "/"));
        // The retention pass minimises the row first and then ledgers it: wait for both.
        var ledger = new EvidenceLedger(fixture.Azurite.Storage, TimeProvider.System);
        await WaitForAsync(
            async () => !(await RequestRowAsync(deletion)).ContainsKey("WrappedKey")
                && (await ledger.ReadAsync(deletion)).Any(e => e.EventType == EvidenceEvents.IdentifiersRemoved.Name),
            "the closed deletion was not minimised and ledgered");
        var deletionRow = await RequestRowAsync(deletion);
        Assert.False(deletionRow.ContainsKey("Email"));
        Assert.Equal(64, deletionRow.GetString("EmailHash").Length);

        var secrets = new[] { ada.Email, ada.FullName, grace.Email, grace.FullName, alan.Email, alan.FullName, "never.verifies@example.com", "Never Verifies", "+1 555 0100" };
        var scanned = 0;
        await foreach (var table in fixture.Azurite.Storage.Tables.QueryAsync())
        {
            if (DemoStores.Contains(table.Name))
            {
                continue;
            }

            foreach (var row in await TableRows.AllAsync(fixture.Azurite.Storage.Tables.GetTableClient(table.Name)))
            {
                scanned++;
                foreach (var value in row.Values().OfType<string>())
                {
                    Assert.DoesNotContain(secrets, secret => value.Contains(secret, StringComparison.OrdinalIgnoreCase)
                        || value.Contains(Uri.EscapeDataString(secret), StringComparison.OrdinalIgnoreCase));
                }
            }
        }

        Assert.True(scanned > 50, $"only {scanned} rows scanned");
    }

    private Task<TableEntity> RequestRowAsync(string id) =>
        fixture.Azurite.Storage.Requests.GetEntityAsync<TableEntity>(id, OwnRowKey.For("request", id)).ContinueWith(t => t.Result.Value);

    private async Task<List<string>> BlobsAsync(string container, string prefix)
    {
        var names = new List<string>();
        await foreach (var blob in fixture.Azurite.Storage.Blobs.GetBlobContainerClient(container).GetBlobsAsync(
            new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = prefix }))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(500);
        }
    }
}
