using System.Net;
using Comintech.Dsr.LocalEngine.Engine;
using Comintech.Dsr.Testing;
using Microsoft.Extensions.Configuration;

namespace Comintech.Dsr.LocalEngine.Tests;

/// <summary>The engine as it behaves in Azure (<c>WEBSITE_SITE_NAME</c> set), with the inbox webhook's key.</summary>
public sealed class AzureModeFixture : EngineFixture
{
    public const string WebhookKey = "inbox-webhook-key-0123456789abcdef";

    protected override IDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["WEBSITE_SITE_NAME"] = "dsr-tests",
        ["Dsr__Inbox__WebhookKey"] = WebhookKey,
    };
}

public sealed class AzureModeTests(AzureModeFixture fixture) : IClassFixture<AzureModeFixture>
{
    private static MultipartFormDataContent Message() => new()
    {
        { new StringContent("From: someone@example.com\r\nTo: privacy@comintech.example\r\nSubject: delete my data\r\nMessage-ID: <azure-mode@example.com>\r\n\r\nPlease delete my data.\r\n"), "email" },
        { new StringContent("pass"), "SPF" },
    };

    [Fact]
    public async Task The_inbox_without_its_key_is_401()
    {
        using var none = await fixture.Engine.Http.PostAsync(new Uri("/api/inbound/sendgrid", UriKind.Relative), Message());
        using var wrong = await fixture.Engine.Http.PostAsync(new Uri("/api/inbound/sendgrid?key=guess", UriKind.Relative), Message());
        using var right = await fixture.Engine.Http.PostAsync(new Uri($"/api/inbound/sendgrid?key={AzureModeFixture.WebhookKey}", UriKind.Relative), Message());

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task Answers_carry_hsts()
    {
        using var response = await fixture.Engine.Http.GetAsync(new Uri("/", UriKind.Relative));

        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_webhook_key_the_engine_refuses_to_start_in_azure()
    {
        await using var engine = new EngineProcess(fixture.Azurite.ConnectionString, "nokey" + Guid.NewGuid().ToString("N")[..8], new Dictionary<string, string>
        {
            ["WEBSITE_SITE_NAME"] = "dsr-tests",
        });

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(engine.StartAsync);

        Assert.Contains("Dsr:Inbox:WebhookKey", refused.Message, StringComparison.Ordinal);
    }
}

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LocalSecretTests
{
    [Fact]
    public void A_generated_secret_is_readable_by_its_owner_only_also_when_an_older_start_left_it_open()
    {
        var folder = Directory.CreateTempSubdirectory("dsr-secrets-").FullName;
        try
        {
            var path = Path.Combine(folder, ".dsr", "staff-api-key");
            var configuration = new ConfigurationManager();

            Assert.Equal(path, LocalBootstrap.EnsureLocalSecret(configuration, "Staff:ApiKey", path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(File.ReadAllText(path), configuration["Staff:ApiKey"]);

            File.SetUnixFileMode(path, (UnixFileMode)0b110_100_100);
            LocalBootstrap.EnsureLocalSecret(new ConfigurationManager(), "Staff:ApiKey", path);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Null(LocalBootstrap.EnsureLocalSecret(configuration, "Staff:ApiKey", path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
