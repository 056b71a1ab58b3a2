using System.IO.Compression;

namespace Comintech.Dsr.LocalEngine.Demo;

/// <summary>Demo login history and web-server logs (one plain, one gzip) for the demo data map's <c>web-logs</c> store.</summary>
public static partial class DemoDataSeeder
{
    public const string LoginHistoryTable = "LoginHistory";
    public const string WebLogsContainer = "web-logs";
    private const string WebLogsMarkerRow = "demo-weblogs-seeded";

    private static async Task SeedWebLogsAsync(DsrStorage storage, ILogger logger, CancellationToken cancellationToken)
    {
        var logins = await TableAsync(storage, LoginHistoryTable, cancellationToken);
        foreach (var person in People)
        {
            foreach (var at in new[] { "2026-11-27T08:00:00Z", "2026-11-28T10:15:00Z" })
            {
                await logins.UpsertEntityAsync(new TableEntity(person.AccountId, at)
                {
                    ["AccountId"] = person.AccountId,
                    ["Email"] = person.Email,
                    ["IpAddress"] = person.LoginIp,
                    ["LoginAt"] = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture),
                }, cancellationToken: cancellationToken);
            }
        }

        var container = storage.Blobs.GetBlobContainerClient(WebLogsContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var today = new StringBuilder();
        var yesterday = new StringBuilder();
        foreach (var person in People)
        {
            today.Append(LogLine(person.LoginIp, "28/Nov/2026:10:15:32", "/login", "-"));
            today.Append(LogLine("192.0.2.200", "28/Nov/2026:10:16:02", $"/password-reset?email={Uri.EscapeDataString(person.Email)}", "-"));
            yesterday.Append(LogLine(person.LoginIp, "27/Nov/2026:08:01:11", "/control-panel/dns", "https://panel.comintech.example/"));
        }

        await container.GetBlobClient("2026/11/28/access.log").UploadAsync(BinaryData.FromString(today.ToString()), overwrite: true, cancellationToken);
        using (var zipped = new MemoryStream())
        {
            await using (var zip = new GZipStream(zipped, CompressionLevel.Optimal, leaveOpen: true))
            {
                await zip.WriteAsync(Encoding.UTF8.GetBytes(yesterday.ToString()), cancellationToken);
            }

            await container.GetBlobClient("2026/11/27/access.log.gz").UploadAsync(new BinaryData(zipped.ToArray()), overwrite: true, cancellationToken);
        }

        LogWebLogsSeeded(logger, People.Count);
    }

    private static string LogLine(string ip, string time, string path, string referrer) =>
        $"{ip} - - [{time} +0000] \"GET {path} HTTP/1.1\" 200 1043 \"{referrer}\" \"Mozilla/5.0 (X11; Linux x86_64)\"\n";

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo web-server logs seeded for {People} people")]
    private static partial void LogWebLogsSeeded(ILogger logger, int people);
}
