using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.LocalEngine.Demo;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.LocalEngine.Tests;

/// <summary>An engine whose access-package links expire after a few seconds.</summary>
public sealed class ShortLinkEngineFixture : EngineFixture
{
    public static readonly TimeSpan LinkTtl = TimeSpan.FromSeconds(20);

    protected override IDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["Dsr__AccessPackage__LinkTtl"] = LinkTtl.ToString("c"),
    };
}

/// <summary>An access request through the local engine: the zipped package, its e-mailed link, and the link's expiry.</summary>
public sealed partial class AccessEndToEndTests(ShortLinkEngineFixture fixture) : IClassFixture<ShortLinkEngineFixture>
{
    private static readonly string[] Art15Fields = ["categories", "purposes", "legalBasis", "recipients", "retention", "source", "transfers", "automatedDecisions", "outcomeText"];

    [Fact]
    public async Task A_verified_access_request_mails_a_link_to_a_zip_of_every_store_that_expires()
    {
        var engine = fixture.Engine;
        var ada = DemoDataSeeder.People[0];
        var id = await engine.SubmitAsync(new { type = "access", email = ada.Email, fullName = ada.FullName, accountId = ada.AccountId });
        using (await engine.VerifyAsync(id, await engine.CodeAsync(id)))
        {
        }

        var status = await engine.WaitForStatusAsync(id, "Completed", TimeSpan.FromSeconds(90));
        var storeIds = status.GetProperty("stores").EnumerateArray().Select(s => s.GetProperty("storeId").GetString()!).ToList();
        var final = await MailPickup.WaitForAsync(engine.PickupDirectory, $"{id}.final.eml", TimeSpan.FromSeconds(10));
        var link = new Uri(PackageLink().Match(final.TextBody ?? "").Value);
        Assert.Equal(engine.BaseUrl, link.GetLeftPart(UriPartial.Authority));

        using (var response = await engine.Http.GetAsync(link.PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
            using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
            var package = JsonDocument.Parse(Entry(zip, "package.json")).RootElement;
            Assert.Equal(id, package.GetProperty("requestId").GetString());
            var sections = package.GetProperty("stores").EnumerateArray().ToList();
            Assert.Equal(storeIds, sections.Select(s => s.GetProperty("storeId").GetString()!));
            Assert.All(sections, s => Assert.All(Art15Fields, field => Assert.True(s.TryGetProperty(field, out _), $"{field} missing")));
            var rights = package.GetProperty("rights").GetRawText();
            Assert.Contains("restrict the use of your data", rights, StringComparison.Ordinal);
            Assert.Contains("(GDPR Art. 18)", rights, StringComparison.Ordinal);
            Assert.Contains("legitimate interests", rights, StringComparison.Ordinal);
            Assert.Contains("(GDPR Art. 21(1))", rights, StringComparison.Ordinal);
            var accounts = sections.Single(s => s.GetProperty("storeId").GetString() == "customer-accounts");
            Assert.Contains(ada.Email, accounts.GetProperty("records").GetRawText(), StringComparison.Ordinal);
            Assert.Contains("payment fraud", accounts.GetProperty("automatedDecisions").GetString(), StringComparison.Ordinal);
            var tickets = sections.Single(s => s.GetProperty("storeId").GetString() == "support-tickets");
            Assert.Equal("United States", tickets.GetProperty("transfers")[0].GetProperty("country").GetString());
            Assert.StartsWith("None: no decision about you", tickets.GetProperty("automatedDecisions").GetString(), StringComparison.Ordinal);
            var logs = sections.Single(s => s.GetProperty("storeId").GetString() == "web-logs");
            Assert.StartsWith("Recorded by our web servers", logs.GetProperty("source").GetString(), StringComparison.Ordinal);
            Assert.Contains(ada.LoginIp + " - - [27/Nov/2026:08:01:11", logs.GetProperty("records").GetRawText(), StringComparison.Ordinal);

            var html = Entry(zip, "report.html");
            Assert.StartsWith("<!doctype html>", html, StringComparison.Ordinal);
            Assert.EndsWith("</html>", html, StringComparison.Ordinal);
            Assert.All(storeIds, store => Assert.Contains($"<section id=\"{store}\">", html, StringComparison.Ordinal));
            Assert.Contains("Legal basis", html, StringComparison.Ordinal);
            Assert.Contains("supervisory authority", html, StringComparison.Ordinal);
            Assert.Contains("<dt>Transfers outside the European Economic Area</dt><dd>United States (EU-US Data Privacy Framework", html, StringComparison.Ordinal);
            Assert.All(storeIds, store => Assert.NotNull(zip.GetEntry($"stores/{store}.csv")));
            Assert.Contains(ada.Email, Entry(zip, "stores/customer-accounts.csv"), StringComparison.Ordinal);

            var everything = string.Concat(zip.Entries.Select(e => Entry(zip, e.FullName)));
            foreach (var other in DemoDataSeeder.People.Skip(1))
            {
                Assert.DoesNotContain(other.Email, everything, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(other.LoginIp, everything, StringComparison.Ordinal);
            }
        }

        foreach (var forged in new[] { link.PathAndQuery.Replace(id, new string([.. id.Reverse()]), StringComparison.Ordinal), link.PathAndQuery[..^4] + "0000" })
        {
            using var refused = await engine.Http.GetAsync(forged);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var evidence = await new EvidenceLedger(fixture.Azurite.Storage, TimeProvider.System).ReadAsync(id);
        Assert.Contains(evidence, e => e.EventType == EvidenceEvents.AccessPackagePublished.Name);
        Assert.All(evidence, e => Assert.DoesNotContain("lovelace", e.Details, StringComparison.OrdinalIgnoreCase));

        var expires = DateTimeOffset.FromUnixTimeSeconds(long.Parse(Regex.Match(link.Query, "expires=([0-9]+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.Zero, ShortLinkEngineFixture.LinkTtl);
        await Task.Delay(expires - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1.5));
        using var expired = await engine.Http.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Equal("text/html", expired.Content.Headers.ContentType?.MediaType);
        var page = await expired.Content.ReadAsStringAsync();
        Assert.Contains("This link has expired", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<?xml", page, StringComparison.Ordinal);
    }

    private static string Entry(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"http\S+/package\?\S+")]
    private static partial Regex PackageLink();
}
