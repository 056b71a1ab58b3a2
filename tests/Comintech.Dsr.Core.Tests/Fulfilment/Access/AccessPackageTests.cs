using System.IO.Compression;
using System.Text.Json.Nodes;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Fulfilment.Access;

namespace Comintech.Dsr.Core.Tests.Fulfilment.Access;

/// <summary>The package link's signature and the package's files, without storage.</summary>
public class AccessPackageTests
{
    private const string Key = "0123456789abcdef0123456789abcdef-test";

    [Fact]
    public void A_link_is_authentic_only_for_its_own_request_expiry_and_key()
    {
        var signature = AccessPackageLink.Sign(Key, "request-a", 1_900_000_000);

        Assert.True(AccessPackageLink.IsAuthentic(Key, "request-a", 1_900_000_000, signature));
        Assert.False(AccessPackageLink.IsAuthentic(Key, "request-b", 1_900_000_000, signature));
        Assert.False(AccessPackageLink.IsAuthentic(Key, "request-a", 1_900_000_001, signature));
        Assert.False(AccessPackageLink.IsAuthentic(Key + "x", "request-a", 1_900_000_000, signature));
        Assert.False(AccessPackageLink.IsAuthentic(Key, "request-a", 1_900_000_000, null));
        Assert.NotEqual(Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("x"u8, "y"u8)), signature);
    }

    [Fact]
    public void Records_are_escaped_in_the_report_and_quoted_in_the_csv()
    {
        var store = new DataStoreDefinition { Id = "accounts", Name = "Accounts", Categories = ["identity"], Purpose = "Service", LegalBasis = "Contract", Retention = "Life" };
        var outcome = new ConnectorOutcome("accounts", ConnectorAction.Export, OutcomeKind.Done, 1, 1, null, "x/accounts.json", DateTimeOffset.UnixEpoch);
        var records = new JsonArray(new JsonObject { ["FullName"] = "Robert <script>alert(1)</script>, \"Bobby\"", ["Tags"] = new JsonArray("a", "b") }, "a log line");

        using var zip = new ZipArchive(new MemoryStream(AccessPackageWriter.Write("request-a", DateTimeOffset.UnixEpoch, [new AccessPackageSection(store, outcome, records)])));

        var html = Read(zip, AccessPackageWriter.ReportEntry);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains(AccessPackageSection.DefaultSource, html, StringComparison.Ordinal);
        var csv = Read(zip, "stores/accounts.csv").Split("\r\n");
        Assert.Equal("value,FullName,Tags", csv[0]);
        Assert.Equal(",\"Robert <script>alert(1)</script>, \"\"Bobby\"\"\",\"[\"\"a\"\",\"\"b\"\"]\"", csv[1]);
        Assert.Equal("a log line,,", csv[2]);
        var json = JsonNode.Parse(Read(zip, AccessPackageWriter.JsonEntry))!;
        Assert.Equal("Contract", json["stores"]![0]!["legalBasis"]!.GetValue<string>());
    }

    [Fact]
    public void Recipients_named_by_id_in_the_data_map_appear_under_their_names()
    {
        var store = new DataStoreDefinition
        {
            Id = "accounts", Name = "Accounts", Categories = ["identity"], Purpose = "Service", LegalBasis = "Contract", Retention = "Life",
            Recipients = ["payroll", "Resellers"],
        };
        var map = new DataMapOptions { Stores = [store], Recipients = [new() { Id = "payroll", Name = "Payroll bureau" }] };
        var outcome = new ConnectorOutcome("accounts", ConnectorAction.Export, OutcomeKind.Done, 0, 0, null, null, DateTimeOffset.UnixEpoch);
        var section = new AccessPackageSection(store, outcome, []) { RecipientNames = [.. Comintech.Dsr.Connectors.RecipientDefinition.Of(map, ["accounts"]).Select(r => r.Name)] };

        using var zip = new ZipArchive(new MemoryStream(AccessPackageWriter.Write("request-a", DateTimeOffset.UnixEpoch, [section])));

        Assert.Contains("Payroll bureau, Resellers", Read(zip, AccessPackageWriter.ReportEntry), StringComparison.Ordinal);
        Assert.Equal(["Payroll bureau", "Resellers"], JsonNode.Parse(Read(zip, AccessPackageWriter.JsonEntry))!["stores"]![0]!["recipients"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Theory]
    [InlineData("pt", "GDPR", "Os seus dados pessoais", "(RGPD art. 18.º)", "Transferências para fora do Espaço Económico Europeu")]
    [InlineData("es", "GDPR", "Sus datos personales", "(RGPD art. 21.1)", "Ninguna: no se toma ninguna decisión")]
    [InlineData("en", "CCPA", "Your personal data", "(CCPA §1798.120)", "Here is what this system holds about you.")]
    public void The_report_is_in_the_persons_language_with_the_rights_of_their_law(string language, string law, string title, string right, string words)
    {
        var store = new DataStoreDefinition
        {
            Id = "tickets", Name = "Tickets", Categories = ["correspondence"], Purpose = "Support", LegalBasis = "Legitimate interest", Retention = "2 years",
        };
        var outcome = new ConnectorOutcome("tickets", ConnectorAction.Export, OutcomeKind.Done, 1, 1, null, "x/tickets.json", DateTimeOffset.UnixEpoch);
        var section = new AccessPackageSection(store, outcome, [new JsonObject { ["Subject"] = "Invoice" }]) { Withheld = ["Names another customer."] };

        var jurisdiction = Enum.Parse<Comintech.Dsr.Domain.Jurisdiction>(law);
        using var zip = new ZipArchive(new MemoryStream(AccessPackageWriter.Write("request-a", DateTimeOffset.UnixEpoch, [section], language, jurisdiction)));

        var html = System.Net.WebUtility.HtmlDecode(Read(zip, AccessPackageWriter.ReportEntry));
        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains(right, html, StringComparison.Ordinal);
        Assert.Contains(words, html, StringComparison.Ordinal);
        Assert.Contains("Names another customer.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(law == "CCPA" ? "GDPR" : "CCPA", html, StringComparison.Ordinal);
        var json = JsonNode.Parse(Read(zip, AccessPackageWriter.JsonEntry))!;
        Assert.Equal(language, json["language"]!.GetValue<string>());
        Assert.Empty(json["stores"]![0]!["transfers"]!.AsArray());
    }

    [Fact]
    public void A_transfer_needs_its_country_and_its_safeguard()
    {
        var map = new DataMapOptions
        {
            Stores =
            [
                new DataStoreDefinition
                {
                    Id = "crm", Name = "CRM", Kind = "AzureTable", Categories = ["contact"], Purpose = "Sales", LegalBasis = "Contract", Retention = "1 year",
                    Transfers = [new DataTransfer { Country = "United States", Safeguard = "" }],
                },
            ],
        };

        Assert.Contains("DataMap:Stores:0 (crm): Transfers:0 needs both Country and Safeguard", string.Join("\n", map.Validate(["AzureTable"])), StringComparison.Ordinal);
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }
}
