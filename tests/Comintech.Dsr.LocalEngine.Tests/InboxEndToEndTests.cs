using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.LocalEngine.Demo;
using Comintech.Dsr.Testing;
using MimeKit;

namespace Comintech.Dsr.LocalEngine.Tests;

/// <summary>
/// E-mail requests through the running engine: an .eml dropped into <c>inbound-mail</c> and a SendGrid Inbound Parse post
/// each become one request (however often delivered), verified by the code sent to the From address, then completed.
/// </summary>
public sealed class InboxEndToEndTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    private EngineProcess Engine => fixture.Engine;

    [Fact]
    public async Task An_eml_dropped_twice_into_the_container_becomes_one_request_that_is_verified_and_completed()
    {
        var grace = DemoDataSeeder.People[1];
        var raw = TestMail.Raw($"{grace.FullName} <{grace.Email}>", "Subject access request", "Please send me a copy of all my personal data.");
        var container = fixture.Azurite.Storage.InboundMail;
        await container.GetBlobClient("export/grace-1.eml").UploadAsync(BinaryData.FromBytes(raw));

        var (id, code) = await CodeMailToAsync(grace.Email);
        await container.GetBlobClient("export/grace-1-again.eml").UploadAsync(BinaryData.FromBytes(raw));
        await VerifyAndCompleteAsync(id, code);

        await WaitUntilGoneAsync(container.GetBlobClient("export/grace-1-again.eml"));
        Assert.Single(Directory.GetFiles(Engine.PickupDirectory, "*.code-1.eml"), f => RecipientOf(f) == grace.Email);
        var status = await Engine.StatusAsync(id);
        Assert.Equal("access", status.GetProperty("type").GetString());
        var events = (await new EvidenceLedger(fixture.Azurite.Storage, TimeProvider.System).ReadAsync(id)).Select(e => e.EventType).ToList();
        Assert.Contains(EvidenceEvents.InboundMessage.Name, events);
        Assert.Contains(EvidenceEvents.Completed.Name, events);
    }

    [Fact]
    public async Task A_sendgrid_post_posted_twice_becomes_one_request_that_is_verified_and_completed()
    {
        var ada = DemoDataSeeder.People[0];
        var headers = $"Received: by mx.sendgrid.net with SMTP id abc; {DateTimeOffset.UtcNow.AddMinutes(-3):ddd, dd MMM yyyy HH:mm:ss} +0000\n"
            + $"From: {ada.FullName} <{ada.Email}>\nTo: privacy@comintech.example\nSubject: Please delete my account\n"
            + $"Date: {DateTimeOffset.UtcNow.AddMinutes(-4):ddd, dd MMM yyyy HH:mm:ss} +0000\nMessage-ID: <{Guid.NewGuid():N}@example.com>\nMIME-Version: 1.0\n";
        MultipartFormDataContent Form() => SendGridForm(new()
        {
            ["headers"] = headers,
            ["from"] = $"{ada.FullName} <{ada.Email}>",
            ["to"] = "privacy@comintech.example",
            ["subject"] = "Please delete my account",
            ["text"] = "Hello, please delete my account and all the personal data you have about me.",
            ["html"] = "<p>Hello, please delete my account and all the personal data you have about me.</p>",
            ["envelope"] = $"{{\"to\":[\"privacy@comintech.example\"],\"from\":\"{ada.Email}\"}}",
            ["charsets"] = "{\"to\":\"UTF-8\",\"subject\":\"UTF-8\",\"from\":\"UTF-8\",\"text\":\"UTF-8\"}",
            ["SPF"] = "pass",
            ["dkim"] = "{@example.com : pass}",
            ["sender_ip"] = "192.0.2.10",
            ["attachments"] = "0",
        });

        using var first = await Engine.Http.PostAsync(new Uri("/api/inbound/sendgrid", UriKind.Relative), Form());
        using var second = await Engine.Http.PostAsync(new Uri("/api/inbound/sendgrid", UriKind.Relative), Form());

        var created = await first.Content.ReadFromJsonAsync<JsonElement>();
        var repeated = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(("Created", "Duplicate"), (created.GetProperty("outcome").GetString(), repeated.GetProperty("outcome").GetString()));
        var id = created.GetProperty("requestId").GetString()!;
        Assert.Equal(id, repeated.GetProperty("requestId").GetString());

        var (mailedId, code) = await CodeMailToAsync(ada.Email);
        Assert.Equal(id, mailedId);
        await VerifyAndCompleteAsync(id, code);
        var accounts = fixture.Azurite.Storage.Tables.GetTableClient(DemoDataSeeder.CustomerAccountsTable);
        await foreach (var row in accounts.QueryAsync<TableEntity>())
        {
            Assert.NotEqual(ada.Email, row.GetString("Email"));
        }

        var status = await Engine.StatusAsync(id);
        Assert.True(status.GetProperty("receivedAt").GetDateTimeOffset() < DateTimeOffset.UtcNow.AddMinutes(-2), "The clock must start at the Received header.");
        Assert.DoesNotContain(ada.Email, Engine.Logged, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("malformed-multipart", HttpStatusCode.UnprocessableEntity)]
    [InlineData("mime-bomb", HttpStatusCode.UnprocessableEntity)]
    [InlineData("binary-garbage", HttpStatusCode.UnprocessableEntity)]
    [InlineData("25-mb", HttpStatusCode.RequestEntityTooLarge)]
    public async Task Hostile_or_broken_mail_gets_a_clear_4xx_and_is_stored_for_staff(string kind, HttpStatusCode expected)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Hostile(kind)), "email" } };

        using var response = await Engine.Http.PostAsync(new Uri("/api/inbound/sendgrid", UriKind.Relative), form);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("storedForStaff").GetBoolean());
    }

    [Fact]
    public async Task Hostile_blobs_are_taken_off_the_container_and_kept_for_staff()
    {
        var blob = fixture.Azurite.Storage.InboundMail.GetBlobClient("gateway/bomb.eml");
        await blob.UploadAsync(BinaryData.FromBytes(Hostile("mime-bomb")));

        await WaitUntilGoneAsync(blob);

        var rejected = new List<string>();
        await foreach (var item in fixture.Azurite.Storage.InboundRaw.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Traits = Azure.Storage.Blobs.Models.BlobTraits.Metadata }))
        {
            if (item.Metadata.TryGetValue("rejected", out var reason))
            {
                rejected.Add(reason);
            }
        }

        Assert.Contains("too-deeply-nested", rejected);
    }

    [Fact]
    public async Task Posts_that_are_not_sendgrid_forms_are_refused_with_4xx()
    {
        using var json = await Engine.Http.PostAsync(new Uri("/api/inbound/sendgrid", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));
        using var broken = new StringContent("--x\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nunterminated", Encoding.UTF8);
        broken.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        using var malformed = await Engine.Http.PostAsync(new Uri("/api/inbound/sendgrid", UriKind.Relative), broken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    private static byte[] Hostile(string kind)
    {
        switch (kind)
        {
            case "malformed-multipart":
                return Encoding.ASCII.GetBytes("From: someone@example.org\r\nSubject: delete my data\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: multipart/mixed; boundary=\"never\"\r\n\r\nno boundary ever follows\r\n");
            case "mime-bomb":
                var bomb = new StringBuilder("From: someone@example.org\r\nSubject: nested\r\nMIME-Version: 1.0\r\n");
                for (var i = 0; i < 200; i++)
                {
                    bomb.Append($"Content-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n--b{i}\r\n");
                }

                return Encoding.ASCII.GetBytes(bomb.Append("Content-Type: text/plain\r\n\r\nhi\r\n").ToString());
            case "binary-garbage":
                var garbage = new byte[8192];
                new Random(11).NextBytes(garbage);
                return garbage;
            default:
                return TestMail.Raw("someone@example.org", "Delete my data", new string('x', 25 * 1024 * 1024));
        }
    }

    private static MultipartFormDataContent SendGridForm(Dictionary<string, string> fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value, Encoding.UTF8), name);
        }

        return form;
    }

    private async Task<(string RequestId, string Code)> CodeMailToAsync(string address)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (DateTime.UtcNow < deadline)
        {
            var file = Directory.GetFiles(Engine.PickupDirectory, "*.code-1.eml").FirstOrDefault(f => RecipientOf(f) == address);
            if (file is not null)
            {
                var name = Path.GetFileName(file);
                return (name[..name.IndexOf('.', StringComparison.Ordinal)], MailPickup.CodeIn(await MimeMessage.LoadAsync(file)));
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"No code was mailed within {Wait.TotalSeconds} s.\n{Engine.Output}");
    }

    private async Task VerifyAndCompleteAsync(string id, string code)
    {
        using (var verified = await Engine.VerifyAsync(id, code))
        {
            Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        }

        await Engine.WaitForStatusAsync(id, "Completed", Wait);
    }

    private static async Task WaitUntilGoneAsync(Azure.Storage.Blobs.BlobClient blob)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (await blob.ExistsAsync())
        {
            Assert.True(DateTime.UtcNow < deadline, "The watcher did not take the blob in.");
            await Task.Delay(250);
        }
    }

    private static string? RecipientOf(string file)
    {
        try
        {
            return MimeMessage.Load(file).To.Mailboxes.FirstOrDefault()?.Address;
        }
        catch (IOException)
        {
            return null; // still being written
        }
    }
}
