using System.Net;
using System.Text;
using System.Text.Json;
using Comintech.Dsr.LocalEngine.Storage;
using Comintech.Dsr.Notifications;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SendGrid;

namespace Comintech.Dsr.Integration.Tests.Notifications;

/// <summary>The SendGrid notifier against a loopback server standing in for the v3 mail API.</summary>
public sealed class SendGridNotifierTests : IDisposable
{
    private readonly HttpListener server = new();
    private readonly string baseAddress = $"http://127.0.0.1:{AzuriteProcess.FreePort()}/";

    public SendGridNotifierTests()
    {
        server.Prefixes.Add(baseAddress);
        server.Start();
    }

    public void Dispose() => server.Close();

    private SendGridNotifier Notifier() => new(
        new SendGridClient(new SendGridClientOptions { ApiKey = "SG.test-key", Host = baseAddress.TrimEnd('/') }),
        Options.Create(new MailOptions()),
        NullLogger<SendGridNotifier>.Instance);

    private async Task<(string Path, string Authorization, JsonElement Body)> AnswerNextAsync(HttpStatusCode status)
    {
        var context = await server.GetContextAsync();
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.Clone();
        var seen = (context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"] ?? "", body);
        context.Response.StatusCode = (int)status;
        context.Response.Close();
        return seen;
    }

    private static OutgoingEmail Message() =>
        new("req123.code-1", "ada.lovelace@example.com", "Ada Lovelace", "Your verification code: 123456", "Your code is 123456.");

    [Fact]
    public async Task A_message_is_posted_to_the_mail_api_with_its_key()
    {
        var answered = AnswerNextAsync(HttpStatusCode.Accepted);

        await Notifier().SendAsync(Message(), CancellationToken.None);

        var (path, authorization, body) = await answered;
        Assert.Equal("/v3/mail/send", path);
        Assert.Equal("Bearer SG.test-key", authorization);
        var personalization = body.GetProperty("personalizations")[0];
        Assert.Equal("ada.lovelace@example.com", personalization.GetProperty("to")[0].GetProperty("email").GetString());
        Assert.Equal("req123.code-1", personalization.GetProperty("custom_args").GetProperty("dsr_message_key").GetString());
        Assert.Equal("privacy@comintech.example", body.GetProperty("from").GetProperty("email").GetString());
    }

    [Fact]
    public async Task A_refusal_fails_without_naming_the_recipient()
    {
        var answered = AnswerNextAsync(HttpStatusCode.BadRequest);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Notifier().SendAsync(Message(), CancellationToken.None));
        await answered;

        Assert.Contains("HTTP 400", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ada", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
