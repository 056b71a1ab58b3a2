using System.Net;
using Azure.Data.Tables;
using System.Text.Json;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Fulfilment.Deletion;
using Comintech.Dsr.LocalEngine.Demo;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.LocalEngine.Tests;

/// <summary>A deletion request through the local engine over HTTP, as a person and the stores see it.</summary>
public sealed class DeletionEndToEndTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task A_verified_deletion_erases_the_seeded_person_and_leaves_a_verifiable_evidence_chain()
    {
        var engine = fixture.Engine;
        var ada = DemoDataSeeder.People[0];

        var id = await engine.SubmitAsync(new { type = "deletion", email = ada.Email, fullName = ada.FullName, accountId = ada.AccountId });
        var code = await engine.CodeAsync(id);
        using (var verified = await engine.VerifyAsync(id, code))
        {
            Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        }

        var status = await engine.WaitForStatusAsync(id, "Completed", TimeSpan.FromSeconds(90));
        Assert.Equal("Done", status.GetProperty("stage").GetString());
        // The data map's five stores and the system's own records (built in for every deletion).
        Assert.Equal(6, status.GetProperty("stores").GetArrayLength());

        var tables = fixture.Azurite.Storage.Tables;
        var accounts = await Rows(tables.GetTableClient(DemoDataSeeder.CustomerAccountsTable));
        Assert.DoesNotContain(accounts, r => r.GetString("Email") == ada.Email);
        Assert.Contains(accounts, r => r.GetString("Email") == DemoDataSeeder.People[1].Email);
        var tickets = await Rows(tables.GetTableClient(DemoDataSeeder.SupportTicketsTable));
        Assert.DoesNotContain(tickets, r => r.Values().OfType<string>().Any(v => v.Contains("Lovelace", StringComparison.Ordinal)));

        var logs = fixture.Azurite.Storage.Blobs.GetBlobContainerClient(DemoDataSeeder.WebLogsContainer);
        var today = (await logs.GetBlobClient("2026/11/28/access.log").DownloadContentAsync()).Value.Content.ToString();
        Assert.DoesNotContain(ada.LoginIp, today, StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(ada.Email), today, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(DemoDataSeeder.People[1].LoginIp, today, StringComparison.Ordinal);
        // The login history is a store too: erased, but only after the logs were searched by its IPs (checked just above).
        var logins = await Rows(tables.GetTableClient(DemoDataSeeder.LoginHistoryTable));
        Assert.DoesNotContain(logins, r => r.GetString("AccountId") == ada.AccountId);
        Assert.Contains(logins, r => r.GetString("AccountId") == DemoDataSeeder.People[1].AccountId);

        var ledger = new EvidenceLedger(fixture.Azurite.Storage, TimeProvider.System);
        var evidence = await ledger.ReadAsync(id);
        // The retention pass may already have minimised the closed deletion (its identifiers are kept no longer): that link
        // comes after the completion.
        var events = evidence.Select(e => e.EventType).Where(e => !e.StartsWith("retention.", StringComparison.Ordinal)).ToList();
        Assert.Equal(EvidenceEvents.Received.Name, events[0]);
        Assert.Equal(EvidenceEvents.Completed.Name, events[^1]);
        foreach (var expected in new[] { EvidenceEvents.AcknowledgementSent.Name, EvidenceEvents.VerificationSent.Name, EvidenceEvents.VerificationSucceeded.Name, EvidenceEvents.FinalNoticeSent.Name })
        {
            Assert.Contains(expected, events);
        }

        Assert.Equal(6, events.Count(e => e == EvidenceEvents.StoreOutcome.Name));
        Assert.True((await ledger.VerifyAsync(id)).IsIntact);
        Assert.All(evidence, e => Assert.DoesNotContain("lovelace", e.Details, StringComparison.OrdinalIgnoreCase));

        var invoices = await Rows(tables.GetTableClient(DemoDataSeeder.InvoicesTable));
        var kept = Assert.Single(invoices, r => r.GetString("AccountId") == ada.AccountId);
        Assert.Equal(ada.FullName, kept.GetString("BillingName"));
        Assert.NotEqual(ada.Email, kept.GetString("Email"));

        var final = await MailPickup.WaitForAsync(engine.PickupDirectory, $"{id}.final.eml", TimeSpan.FromSeconds(10));
        Assert.Contains("What we kept and why:", final.TextBody, StringComparison.Ordinal);
        Assert.Contains("- Billing invoices (InvoiceNumber, IssuedOn, Amount, BillingName, BillingAddress, AccountId): Invoices must be kept for 10 years under tax law", final.TextBody, StringComparison.Ordinal);
        Assert.Contains("- Our records of your earlier privacy requests (request ids, dates, request types, outcomes): We keep a log of each request", final.TextBody, StringComparison.Ordinal);

        await AssertCertificateMatchesTheChainAsync(id, await ledger.ReadAsync(id));
    }

    private async Task AssertCertificateMatchesTheChainAsync(string id, IReadOnlyList<EvidenceRecord> chain)
    {
        var documents = fixture.Azurite.Storage.Blobs.GetBlobContainerClient(DsrStorage.EvidenceDocumentsContainer);
        var json = (await documents.GetBlobClient($"{id}/{DeletionCertificates.JsonName}").DownloadContentAsync()).Value.Content.ToString();
        var certificate = JsonDocument.Parse(json).RootElement;
        Assert.Equal(id, certificate.GetProperty("requestId").GetString());
        Assert.Equal(6, certificate.GetProperty("stores").GetArrayLength());
        Assert.Equal(
            ["billing-invoices", "dsr-own-records"],
            certificate.GetProperty("retained").EnumerateArray().Select(r => r.GetProperty("storeId").GetString()).Order(StringComparer.Ordinal));
        var head = certificate.GetProperty("evidence");
        var link = Assert.Single(chain, r => r.Sequence == head.GetProperty("headSequence").GetInt64());
        Assert.Equal(link.Hash, head.GetProperty("headHash").GetString());
        Assert.Equal(link.ExpectedHash(), link.Hash);
        Assert.True(EvidenceLedger.Verify(chain).IsIntact);
        Assert.DoesNotContain("lovelace", json, StringComparison.OrdinalIgnoreCase);

        var html = (await documents.GetBlobClient($"{id}/{DeletionCertificates.HtmlName}").DownloadContentAsync()).Value.Content.ToString();
        Assert.StartsWith("<!doctype html>", html, StringComparison.Ordinal);
        Assert.Contains(link.Hash, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_engine_history_holds_no_personal_data()
    {
        var engine = fixture.Engine;
        var grace = DemoDataSeeder.People[1];
        var id = await engine.SubmitAsync(new { type = "access", email = grace.Email, fullName = grace.FullName });
        using (await engine.VerifyAsync(id, await engine.CodeAsync(id)))
        {
        }

        await engine.WaitForStatusAsync(id, "Completed", TimeSpan.FromSeconds(90));

        var checkedRows = 0;
        await foreach (var table in fixture.Azurite.Storage.Tables.QueryAsync())
        {
            if (table.Name.StartsWith("e2e", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var row in await Rows(fixture.Azurite.Storage.Tables.GetTableClient(table.Name)))
                {
                    checkedRows++;
                    var text = string.Join('|', row.Values().Select(v => v?.ToString()));
                    Assert.DoesNotContain("grace", text, StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain("hopper", text, StringComparison.OrdinalIgnoreCase);
                }
            }
        }

        Assert.True(checkedRows > 0, "No engine history rows were found to check.");
        Assert.DoesNotContain(grace.Email, engine.Logged, StringComparison.OrdinalIgnoreCase);
    }

    private static Task<List<TableEntity>> Rows(TableClient table) => TableRows.AllAsync(table);
}
