using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.LocalEngine.Demo;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.LocalEngine.Tests;

/// <summary>
/// An access request through the engine on the demo map plus a reseller whose package part is reviewed by staff: the
/// reseller attaches its records to its confirmation, staff see them, withhold one with a reason and release the link.
/// </summary>
public sealed partial class AccessReviewEndToEndTests : IAsyncLifetime
{
    private const string StaffKey = "staff-key-for-the-access-review-test";
    private const string Secret = "acme-shared-secret-0123456789abcdef";
    private DemoMapEngine demo = null!;
    private HttpClient staff = null!;

    public async Task InitializeAsync()
    {
        demo = await DemoMapEngine.StartAsync(
            url => new JsonObject
            {
                ["Id"] = "acme-reseller", ["Name"] = "Acme (reseller)", ["Kind"] = "PartnerWebhook", ["Categories"] = new JsonArray("orders"),
                ["Purpose"] = "Selling our services through the reseller", ["LegalBasis"] = "Contract", ["Retention"] = "Life of the account",
                ["Source"] = "Acme, the reseller you bought through",
                ["Transfers"] = new JsonArray(new JsonObject { ["Country"] = "United States", ["Safeguard"] = "EU Standard Contractual Clauses" }),
                ["ReviewAccess"] = true,
                ["Settings"] = new JsonObject { ["PartnerId"] = "acme", ["Endpoint"] = url, ["SecretName"] = "Partners:Acme:Secret" },
            },
            new Dictionary<string, string> { ["Partners__Acme__Secret"] = Secret, ["Staff__ApiKey"] = StaffKey });
        staff = new HttpClient { BaseAddress = demo.Engine.Http.BaseAddress };
        staff.DefaultRequestHeaders.Add("X-Api-Key", StaffKey);
    }

    public async Task DisposeAsync()
    {
        staff.Dispose();
        await demo.DisposeAsync();
    }

    [Fact]
    public async Task A_partner_s_attached_records_reach_the_package_after_staff_withhold_one_with_a_reason()
    {
        var engine = demo.Engine;
        var ada = DemoDataSeeder.People[0];
        var id = await engine.SubmitAsync(new { type = "access", email = ada.Email, fullName = ada.FullName, accountId = ada.AccountId, language = "es" });
        using (await engine.VerifyAsync(id, await engine.CodeAsync(id)))
        {
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!demo.Received.Any(r => r.Body.Contains(id, StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        using (var nested = await engine.PartnerConfirmAsync("acme", Secret, Confirmation(id, new JsonObject { ["order"] = new JsonObject { ["id"] = "A-1" } })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, nested.StatusCode);
        }

        var own = new JsonObject { ["orderId"] = "A-1", ["product"] = "Reseller hosting", ["email"] = ada.Email };
        var someoneElses = new JsonObject { ["orderId"] = "A-2", ["product"] = "Domain bought for a colleague" };
        using (var confirmed = await engine.PartnerConfirmAsync("acme", Secret, Confirmation(id, own, someoneElses)))
        {
            Assert.Equal(HttpStatusCode.Accepted, confirmed.StatusCode);
        }

        var review = await ReviewAsync(id);
        Assert.Equal("AwaitingReview", (await engine.StatusAsync(id)).GetProperty("stage").GetString());
        var items = review.GetProperty("stores").EnumerateArray().Single(s => s.GetProperty("storeId").GetString() == "acme-reseller").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        var withheld = items.Single(i => i.GetProperty("record").GetProperty("orderId").GetString() == "A-2").GetProperty("key").GetString();

        using (var anonymous = await engine.Http.PostAsJsonAsync(new Uri($"/api/staff/requests/{id}/review/release", UriKind.Relative), new { }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using (var noReason = await staff.PostAsJsonAsync(new Uri($"/api/staff/requests/{id}/review/remove", UriKind.Relative), new { storeId = "acme-reseller", item = withheld }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        }

        using (var unknown = await staff.PostAsJsonAsync(new Uri($"/api/staff/requests/{id}/review/remove", UriKind.Relative), new { storeId = "acme-reseller", item = "0000", reason = "x" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        const string Reason = "This order belongs to another customer of the reseller.";
        using (var removed = await staff.PostAsJsonAsync(new Uri($"/api/staff/requests/{id}/review/remove", UriKind.Relative), new { storeId = "acme-reseller", item = withheld, reason = Reason }))
        {
            Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        }

        using (var released = await staff.PostAsync(new Uri($"/api/staff/requests/{id}/review/release", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Accepted, released.StatusCode);
        }

        using (var again = await staff.PostAsync(new Uri($"/api/staff/requests/{id}/review/release", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        using (var late = await staff.PostAsJsonAsync(new Uri($"/api/staff/requests/{id}/review/remove", UriKind.Relative), new { storeId = "acme-reseller", item = withheld, reason = Reason }))
        {
            Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        }

        await engine.WaitForStatusAsync(id, "Completed", TimeSpan.FromSeconds(90));
        var final = await MailPickup.WaitForAsync(engine.PickupDirectory, $"{id}.final.eml", TimeSpan.FromSeconds(10));
        using var response = await engine.Http.GetAsync(new Uri(PackageLink().Match(final.TextBody ?? "").Value).PathAndQuery);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var package = JsonNode.Parse(Entry(zip, "package.json"))!;
        var acme = package["stores"]!.AsArray().Single(s => s!["storeId"]!.GetValue<string>() == "acme-reseller")!;
        var records = acme["records"]!.ToJsonString();
        Assert.Contains("Reseller hosting", records, StringComparison.Ordinal);
        Assert.DoesNotContain("A-2", records, StringComparison.Ordinal);
        Assert.Equal(Reason, acme["withheld"]![0]!.GetValue<string>());
        Assert.Equal("Acme, the reseller you bought through", acme["source"]!.GetValue<string>());
        Assert.Equal("United States", acme["transfers"]![0]!["country"]!.GetValue<string>());
        Assert.Equal("es", package["language"]!.GetValue<string>());
        Assert.Contains("Sus datos personales", Entry(zip, "report.html"), StringComparison.Ordinal);

        var evidence = await new EvidenceLedger(demo.Azurite.Storage, TimeProvider.System).ReadAsync(id);
        // The item's key is a plain digest of the person's record: the evidence names the item by a keyed reference only.
        var removedLink = Assert.Single(evidence, e => e.EventType == EvidenceEvents.AccessReviewItemRemoved.Name);
        Assert.Contains("\"storeId\":\"acme-reseller\"", removedLink.Details, StringComparison.Ordinal);
        Assert.Matches("\"itemRef\":\"[0-9a-f]{20}\"", removedLink.Details);
        Assert.All(evidence, e => Assert.DoesNotContain(withheld!, e.Details, StringComparison.Ordinal));
        Assert.Contains(evidence, e => e.EventType == EvidenceEvents.AccessReviewReleased.Name);
        Assert.All(evidence, e => Assert.DoesNotContain(Reason, e.Details, StringComparison.Ordinal));
    }

    private static string Confirmation(string requestId, params JsonObject[] records) => new JsonObject
    {
        ["requestId"] = requestId, ["action"] = "access", ["outcome"] = "done", ["records"] = new JsonArray([.. records]),
    }.ToJsonString();

    private async Task<JsonElement> ReviewAsync(string requestId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await staff.GetAsync(new Uri($"/api/staff/requests/{requestId}/review", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            }

            Assert.True(DateTime.UtcNow < deadline, $"No review opened: {response.StatusCode}.");
            await Task.Delay(300);
        }
    }

    private static string Entry(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"http\S+/package\?\S+")]
    private static partial Regex PackageLink();
}
