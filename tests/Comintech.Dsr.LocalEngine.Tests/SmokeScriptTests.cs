using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Comintech.Dsr.Http;
using Comintech.Dsr.Notifications;
using Comintech.Dsr.Smoke;
using Comintech.Dsr.Staff;
using Comintech.Dsr.StaffAccess;
using Comintech.Dsr.Testing;
using Microsoft.Extensions.Options;

namespace Comintech.Dsr.LocalEngine.Tests;

/// <summary>The engine with the keys a deployment has: smoke key, inbox webhook key, staff key.</summary>
public sealed class SmokeEngineFixture : EngineFixture
{
    public const string SmokeKey = "smoke-key-for-the-local-engine-0123456789";
    public const string StaffKey = "staff-key-for-the-smoke-tests-0123456789";

    protected override IDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["Dsr__Smoke__Key"] = SmokeKey,
        ["Dsr__Inbox__WebhookKey"] = "inbox-webhook-key-0123456789abcdef",
        ["Staff__ApiKey"] = StaffKey,
    };
}

/// <summary><c>scripts/smoke.sh</c>, the post-deploy smoke test, run against the local engine.</summary>
public sealed partial class SmokeScriptTests(SmokeEngineFixture fixture) : IClassFixture<SmokeEngineFixture>
{
    private EngineProcess Engine => fixture.Engine;

    private static async Task<(int ExitCode, string Output)> RunAsync(string baseUrl, string? key)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(LocalEngine.Engine.RepositoryPaths.Root, "scripts", "smoke.sh"));
        start.ArgumentList.Add(baseUrl);
        if (key is not null)
        {
            start.Environment["DSR_SMOKE_KEY"] = key;
        }

        start.Environment["DSR_SMOKE_TIMEOUT"] = "120";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task The_smoke_script_passes_and_its_request_mails_no_one_and_stays_out_of_the_log_and_metrics()
    {
        var (exitCode, output) = await RunAsync(Engine.BaseUrl + "/", SmokeEngineFixture.SmokeKey);

        Assert.True(exitCode == 0, output);
        Assert.Equal(6, output.Split('\n').Count(l => l.StartsWith("PASS", StringComparison.Ordinal)));
        var id = SmokeRequestId().Match(output).Groups[1].Value;
        var links = new PublicLinks(Options.Create(new PublicUrlOptions { PublicBaseUrl = Engine.BaseUrl }));
        Assert.Contains(links.VerifyPage(id), output);

        Assert.Empty(Directory.GetFiles(Engine.PickupDirectory, "*.eml"));
        using var export = new HttpRequestMessage(HttpMethod.Get, "/api/staff/export");
        export.Headers.Add(StaffAuthenticator.ApiKeyHeader, SmokeEngineFixture.StaffKey);
        var csv = await (await Engine.Http.SendAsync(export)).Content.ReadAsStringAsync();
        Assert.StartsWith("RequestId,", csv);
        Assert.DoesNotContain(id, csv);
        using var metrics = new HttpRequestMessage(HttpMethod.Get, "/api/staff/metrics");
        metrics.Headers.Add(StaffAuthenticator.ApiKeyHeader, SmokeEngineFixture.StaffKey);
        using var report = JsonDocument.Parse(await (await Engine.Http.SendAsync(metrics)).Content.ReadAsStringAsync());
        Assert.All(report.RootElement.GetProperty("types").EnumerateArray(), t => Assert.Equal(0, t.GetProperty("received").GetInt32()));
    }

    [Fact]
    public async Task Without_the_smoke_key_the_script_fails()
    {
        var (exitCode, output) = await RunAsync(Engine.BaseUrl, "wrong-smoke-key-0123456789abcdef0123456789");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("FAIL  POST /api/smoke/requests answered 401", output);
    }

    [Fact]
    public async Task Every_link_the_app_mails_is_routed_by_the_local_engine()
    {
        using var start = new HttpRequestMessage(HttpMethod.Post, "/api/smoke/requests");
        start.Headers.Add(SmokeOptions.KeyHeader, SmokeEngineFixture.SmokeKey);
        using var started = JsonDocument.Parse(await (await Engine.Http.SendAsync(start)).Content.ReadAsStringAsync());
        var id = started.RootElement.GetProperty("requestId").GetString()!;
        var links = new PublicLinks(Options.Create(new PublicUrlOptions { PublicBaseUrl = Engine.BaseUrl }));
        var mailed = new (HttpMethod Method, string Link)[]
        {
            (HttpMethod.Get, links.StatusPage(id)),
            (HttpMethod.Get, links.VerifyPage(id)),
            (HttpMethod.Get, links.AccessPackage(id, 1_800_000_000, "ab12")),
            (HttpMethod.Get, links.StaffConsole()),
            (HttpMethod.Post, links.ManualStepDone(id, "smoke-sandbox")),
            (HttpMethod.Post, links.PartnerConfirmations("acme")),
            (HttpMethod.Get, links.PartnerConfirmationPage("acme", id, "erase", 1_800_000_000, "cd34")),
        };

        foreach (var (method, link) in mailed)
        {
            Assert.True(await RoutedAsync(method, new Uri(link).PathAndQuery), $"{method} {link} is not routed by the local engine.");
        }

        Assert.False(await RoutedAsync(HttpMethod.Get, $"/api/requests/{id}/nowhere"));
        Assert.False(await RoutedAsync(HttpMethod.Put, "/staff"));
    }

    /// <summary>Routing answers 405, or 404 with no detail; a handler's 404 (unknown id) always says what it did not find.</summary>
    private async Task<bool> RoutedAsync(HttpMethod method, string pathAndQuery)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery);
        using var response = await Engine.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode != System.Net.HttpStatusCode.MethodNotAllowed
            && (response.StatusCode != System.Net.HttpStatusCode.NotFound || body.Contains("\"detail\"", StringComparison.Ordinal));
    }

    [GeneratedRegex("smoke request ([A-Za-z0-9_-]+) accepted")]
    private static partial Regex SmokeRequestId();
}
