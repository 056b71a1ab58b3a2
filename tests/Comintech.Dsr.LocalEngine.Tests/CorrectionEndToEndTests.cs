using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json;
using Comintech.Dsr.Connectors.Manual;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.LocalEngine.Demo;
using Comintech.Dsr.Staff;
using Comintech.Dsr.StaffAccess;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.LocalEngine.Tests;

/// <summary>A correction through the local engine over the demo data map plus a reseller reached by webhook.</summary>
public sealed class CorrectionEndToEndTests : IAsyncLifetime
{
    private const string NewName = "Augusta Ada King";
    private const string NewPhone = "+44 20 7946 9999";
    private const string StaffKey = "correction-tests-staff-key-0123456789";
    private DemoMapEngine demo = null!;

    public async Task InitializeAsync() => demo = await DemoMapEngine.StartAsync(
        url => new JsonObject
        {
            ["Id"] = "acme-reseller", ["Name"] = "Acme (reseller)", ["Kind"] = "PartnerWebhook", ["Categories"] = new JsonArray("contact details"),
            ["Purpose"] = "Managing the account for the customer", ["LegalBasis"] = "Contract", ["Retention"] = "Life of the account",
            ["Settings"] = new JsonObject { ["PartnerId"] = "acme", ["Endpoint"] = url, ["SecretName"] = "Partners:Acme:Secret" },
        },
        new Dictionary<string, string>
        {
            ["Partners__Acme__Secret"] = "acme-shared-secret-0123456789abcdef",
            ["Staff__ApiKey"] = StaffKey,
        });

    public async Task DisposeAsync() => await demo.DisposeAsync();

    [Fact]
    public async Task A_correction_changes_every_store_holding_the_field_and_the_reseller_gets_its_notice()
    {
        var engine = demo.Engine;
        var ada = DemoDataSeeder.People[0];
        var id = await engine.SubmitAsync(new
        {
            type = "correction", email = ada.Email, fullName = ada.FullName, accountId = ada.AccountId,
            corrections = new Dictionary<string, string> { ["fullName"] = NewName, ["phone"] = NewPhone },
        });
        using (await engine.VerifyAsync(id, await engine.CodeAsync(id)))
        {
        }

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!AutomaticStoresDone(await engine.StatusAsync(id)) || demo.Received.IsEmpty)
        {
            Assert.True(DateTime.UtcNow < deadline, "The stores were not corrected in time.");
            await Task.Delay(500);
        }

        var tables = demo.Azurite.Storage.Tables;
        var account = Assert.Single(await TableRows.AllAsync(tables.GetTableClient(DemoDataSeeder.CustomerAccountsTable)), r => r.GetString("AccountId") == ada.AccountId);
        Assert.Equal((NewName, NewPhone), (account.GetString("FullName"), account.GetString("Phone")));
        var tickets = (await TableRows.AllAsync(tables.GetTableClient(DemoDataSeeder.SupportTicketsTable))).Where(r => r.GetString("AccountId") == ada.AccountId).ToList();
        Assert.NotEmpty(tickets);
        Assert.All(tickets, t => Assert.Equal(NewName, t.GetString("RequesterName")));
        var invoice = Assert.Single(await TableRows.AllAsync(tables.GetTableClient(DemoDataSeeder.InvoicesTable)), r => r.GetString("AccountId") == ada.AccountId);
        Assert.Equal(NewName, invoice.GetString("BillingName"));

        var notice = JsonDocument.Parse(Assert.Single(demo.Received).Body).RootElement;
        Assert.Equal(id, notice.GetProperty("requestId").GetString());
        Assert.Equal(NewName, notice.GetProperty("corrections").GetProperty("fullName").GetString());

        var corrected = (await new EvidenceLedger(demo.Azurite.Storage, TimeProvider.System).ReadAsync(id)).Where(e => e.EventType == EvidenceEvents.CorrectionApplied.Name).ToList();
        Assert.Equal(3, corrected.Count);
        Assert.All(corrected, e =>
        {
            Assert.Contains("newValueHash", e.Details, StringComparison.Ordinal);
            Assert.DoesNotContain("Augusta", e.Details, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("9999", e.Details, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_field_no_store_takes_becomes_one_staff_task_that_staff_mark_done()
    {
        var engine = demo.Engine;
        var grace = DemoDataSeeder.People[1];
        var id = await engine.SubmitAsync(new
        {
            type = "correction", email = grace.Email, fullName = grace.FullName, accountId = grace.AccountId,
            corrections = new Dictionary<string, string> { ["phone"] = NewPhone, ["shoeSize"] = "38" },
        });
        using (await engine.VerifyAsync(id, await engine.CodeAsync(id)))
        {
        }

        await WaitForStoreAsync(engine, id, ManualCorrectionStep.StoreId, "Waiting");
        var planned = Assert.Single(
            await new EvidenceLedger(demo.Azurite.Storage, TimeProvider.System).ReadAsync(id), e => e.EventType == EvidenceEvents.ManualCorrectionsPlanned.Name);
        Assert.Contains("\"shoeSize\"", planned.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("phone", planned.Details, StringComparison.Ordinal);

        using var done = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/staff/requests/{id}/stores/{ManualCorrectionStep.StoreId}/done", UriKind.Relative))
        {
            Content = JsonContent.Create(new { note = "Shoe size updated in the loyalty spreadsheet" }),
        };
        done.Headers.Add(StaffAuthenticator.ApiKeyHeader, StaffKey);
        using var answer = await engine.Http.SendAsync(done);
        Assert.True(answer.StatusCode == HttpStatusCode.Accepted, $"{answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}\n{engine.Output}");

        await WaitForStoreAsync(engine, id, ManualCorrectionStep.StoreId, "Done");
    }

    private static async Task WaitForStoreAsync(EngineProcess engine, string requestId, string storeId, string state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!(await engine.StatusAsync(requestId)).GetProperty("stores").EnumerateArray()
            .Any(s => s.GetProperty("storeId").GetString() == storeId && s.GetProperty("state").GetString() == state))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Store {storeId} was not {state} in time.\n{engine.Output}");
            await Task.Delay(500);
        }
    }

    private static bool AutomaticStoresDone(JsonElement status) =>
        status.GetProperty("stores").EnumerateArray()
            .Where(s => s.GetProperty("storeId").GetString() is "customer-accounts" or "support-tickets" or "billing-invoices")
            .Count(s => s.GetProperty("state").GetString() == "Done") == 3;
}
