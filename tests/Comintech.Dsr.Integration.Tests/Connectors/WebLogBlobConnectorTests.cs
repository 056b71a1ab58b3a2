using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Connectors.WebLogs;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Fulfilment.Activities;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Integration.Tests.Connectors;

/// <summary>The web-log connector on Azurite, wired as the hosts wire it (request store, login history, activity).</summary>
public sealed class WebLogBlobConnectorTests : IClassFixture<AzuriteFixture>, IDisposable
{
    private const string AdaIp = "203.0.113.7";
    private const string GraceIp = "198.51.100.23";
    private readonly string container = "logs-" + Guid.NewGuid().ToString("N")[..12];
    private readonly string loginTable = "Logins" + Guid.NewGuid().ToString("N")[..8];
    private readonly AzuriteFixture azurite;
    private readonly WiredCore core;

    public WebLogBlobConnectorTests(AzuriteFixture azurite)
    {
        this.azurite = azurite;
        var overrides = TestServices.Store(1, "web-logs", WebLogBlobConnector.KindName, new Dictionary<string, string> { ["Container"] = container }, "Email", "LoginIp");
        overrides["DataMap:LoginHistory:Table"] = loginTable;
        core = new WiredCore(azurite.ConnectionString, overrides);
    }

    public void Dispose() => core.Dispose();

    private BlobContainerClient Logs => azurite.Storage.Blobs.GetBlobContainerClient(container);

    private static string Line(string ip, string path, string referrer = "-", string time = "28/Nov/2026:10:15:32 +0000") =>
        $"{ip} - - [{time}] \"GET {path} HTTP/1.1\" 200 512 \"{referrer}\" \"Mozilla/5.0\"\n";

    private static readonly DateTimeOffset Morning = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    private async Task<DsrRequest> ArrangeAsync(string email = "ada.lovelace@example.com", string accountId = "ACC-1", string ip = AdaIp, DateTimeOffset? loginAt = null)
    {
        await Logs.CreateIfNotExistsAsync();
        var logins = azurite.Storage.Tables.GetTableClient(loginTable);
        await logins.CreateIfNotExistsAsync();
        await logins.UpsertEntityAsync(new TableEntity(accountId, Guid.NewGuid().ToString("N"))
        {
            ["AccountId"] = accountId, ["Email"] = email, ["IpAddress"] = ip, ["LoginAt"] = loginAt ?? Morning,
        });
        return await core.AddRequestAsync(RequestType.Deletion, new DataSubject(email, "Someone", accountId));
    }

    private async Task SeedLogsAsync()
    {
        var plain = Line(AdaIp, "/login") + Line(GraceIp, "/cart") + Line("203.0.113.70", "/neighbour") +
                    Line("192.0.2.9", "/reset?email=ada.lovelace%40example.com", "https://example.com/?u=Ada.Lovelace@example.com");
        await Logs.GetBlobClient("2026/11/28/access.log").UploadAsync(BinaryData.FromString(plain), overwrite: true);
        await Logs.GetBlobClient("2026/11/27/access.log.gz").UploadAsync(new BinaryData(Gzip(Line(GraceIp, "/a") + Line(AdaIp, "/b") + Line(AdaIp, "/c"))), overwrite: true);
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var zip = new GZipStream(output, CompressionLevel.Fastest))
        {
            zip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    private async Task<string> TextAsync(string name)
    {
        var bytes = (await Logs.GetBlobClient(name).DownloadContentAsync()).Value.Content.ToArray();
        if (bytes[0] != 0x1f)
        {
            return Encoding.UTF8.GetString(bytes);
        }

        await using var unzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(unzip);
        return await reader.ReadToEndAsync();
    }

    private Task<ConnectorOutcome> RunAsync(DsrRequest request, ConnectorAction action) =>
        core.Get<ExecuteStoreActionActivity>().RunAsync(new StoreActionInput(request.Id, "web-logs", action), CancellationToken.None);

    [Fact]
    public async Task Access_exports_the_lines_with_the_persons_login_ips_or_address_from_plain_and_gzip_logs()
    {
        var ada = await ArrangeAsync();
        await SeedLogsAsync();

        var outcome = await RunAsync(ada, ConnectorAction.Export);

        Assert.Equal((OutcomeKind.Done, 4), (outcome.Kind, outcome.RecordsFound));
        var json = (await azurite.Storage.Exports.GetBlobClient(outcome.ArtifactPath).DownloadContentAsync()).Value.Content.ToString();
        using var document = JsonDocument.Parse(json);
        Assert.Equal(4, document.RootElement.GetProperty("records").GetArrayLength());
        Assert.DoesNotContain(GraceIp, json, StringComparison.Ordinal);
        Assert.DoesNotContain("203.0.113.70", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Access_leaves_out_a_line_of_another_person_behind_the_same_ip_and_keeps_the_persons_own()
    {
        const string Office = "192.0.2.50";
        var ada = await ArrangeAsync(ip: Office);
        await ArrangeAsync("grace.hopper@example.org", "ACC-2", Office, Morning.AddHours(5));
        var log = Line(Office, "/ada-own", time: "28/Nov/2026:10:20:00 +0000")
                  + Line(Office, "/grace-while-both-could-be-on", time: "28/Nov/2026:15:10:00 +0000")
                  + Line(Office, "/after-ada-s-session", time: "29/Nov/2026:08:00:00 +0000")
                  + Line(Office, "/before-any-login", time: "27/Nov/2026:23:00:00 +0000");
        await Logs.GetBlobClient("2026/11/28/office.log").UploadAsync(BinaryData.FromString(log), overwrite: true);

        var outcome = await RunAsync(ada, ConnectorAction.Export);

        Assert.Equal((OutcomeKind.Done, 1), (outcome.Kind, outcome.RecordsFound));
        var json = (await azurite.Storage.Exports.GetBlobClient(outcome.ArtifactPath).DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("/ada-own", json, StringComparison.Ordinal);
        Assert.DoesNotContain("/grace-while-both-could-be-on", json, StringComparison.Ordinal);
        Assert.DoesNotContain("/after-ada-s-session", json, StringComparison.Ordinal);
        Assert.DoesNotContain("/before-any-login", json, StringComparison.Ordinal);
        Assert.StartsWith("3 line(s) from your login IP addresses fell outside your own sessions", outcome.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasure_pseudonymises_the_persons_values_in_every_blob_and_leaves_the_rest_untouched()
    {
        var ada = await ArrangeAsync();
        await SeedLogsAsync();
        var before = await TextAsync("2026/11/28/access.log");

        var outcome = await RunAsync(ada, ConnectorAction.Erase);

        Assert.Equal((OutcomeKind.Done, 4, 4), (outcome.Kind, outcome.RecordsFound, outcome.RecordsAffected));
        Assert.Equal("2 log blob(s) rewritten with the identifiers pseudonymised.", outcome.Note);
        var plain = await TextAsync("2026/11/28/access.log");
        var gzip = await TextAsync("2026/11/27/access.log.gz");
        foreach (var text in new[] { plain, gzip })
        {
            Assert.DoesNotContain(AdaIp + " ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("ada.lovelace", text, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(GraceIp, text, StringComparison.Ordinal);
        }

        Assert.Contains("203.0.113.70 ", plain, StringComparison.Ordinal);
        Assert.Equal(before.Split('\n').Length, plain.Split('\n').Length);
        Assert.Equal(before.Split('\n')[1], plain.Split('\n')[1]);
        Assert.StartsWith("ip-", plain, StringComparison.Ordinal);
        Assert.Equal(3, gzip.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var store = core.Get<IOptions<DataMapOptions>>().Value.Get("web-logs");
        var fresh = new ConnectorRequest(ada.Id, store, ConnectorAction.Export, "again", ada.Subject, new Dictionary<string, string>()) { LoginIps = [AdaIp] };
        var again = await Connector().ExportAsync(fresh, CancellationToken.None);
        Assert.Equal(OutcomeKind.NothingFound, again.Kind);
    }

    [Fact]
    public async Task One_pass_serves_every_pending_erasure()
    {
        var ada = await ArrangeAsync();
        var grace = await ArrangeAsync("grace.hopper@example.org", "ACC-2", GraceIp);
        await SeedLogsAsync();
        await new WebLogErasureQueue(azurite.Storage).EnqueueAsync("web-logs", grace.Id, CancellationToken.None);

        var adaOutcome = await RunAsync(ada, ConnectorAction.Erase);
        var etags = await ETagsAsync();
        var graceOutcome = await RunAsync(grace, ConnectorAction.Erase);

        Assert.Equal(4, adaOutcome.RecordsAffected);
        Assert.Equal((OutcomeKind.Done, 2, 2), (graceOutcome.Kind, graceOutcome.RecordsFound, graceOutcome.RecordsAffected));
        Assert.Equal(etags, await ETagsAsync());
        Assert.DoesNotContain(GraceIp, await TextAsync("2026/11/28/access.log"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batched_erasure_uses_only_the_other_request_s_bound_identifiers()
    {
        var ada = await ArrangeAsync();
        await ArrangeAsync("grace.hopper@example.org", "ACC-2", GraceIp);
        var stranger = await core.AddRequestAsync(RequestType.Deletion, new DataSubject("mallory@evil.example", "Mallory", "ACC-2"), accountBound: false);
        await SeedLogsAsync();
        await new WebLogErasureQueue(azurite.Storage).EnqueueAsync("web-logs", stranger.Id, CancellationToken.None);

        await RunAsync(ada, ConnectorAction.Erase);

        Assert.Contains(GraceIp, await TextAsync("2026/11/28/access.log"), StringComparison.Ordinal);
        Assert.Contains(GraceIp, await TextAsync("2026/11/27/access.log.gz"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_swap_against_a_blob_that_changed_since_it_was_read_writes_nothing()
    {
        await Logs.CreateIfNotExistsAsync();
        var blob = Logs.GetBlobClient("race.log");
        await blob.UploadAsync(BinaryData.FromString(Line(AdaIp, "/x")), overwrite: true);
        var read = await LogBlobs.ReadAsync(blob, CancellationToken.None);
        await blob.UploadAsync(BinaryData.FromString(Line(AdaIp, "/x") + Line(AdaIp, "/y")), overwrite: true);

        var swapped = await LogBlobs.ReplaceAsync(read, "redacted\n", CancellationToken.None);

        Assert.False(swapped);
        Assert.Equal(Line(AdaIp, "/x") + Line(AdaIp, "/y"), await TextAsync("race.log"));
    }

    private WebLogBlobConnector Connector() => core.Services.GetServices<IDataStoreConnector>().OfType<WebLogBlobConnector>().Single();

    private async Task<List<string>> ETagsAsync()
    {
        var etags = new List<string>();
        await foreach (var item in Logs.GetBlobsAsync())
        {
            etags.Add(item.Properties.ETag.ToString()!);
        }

        return etags;
    }
}
