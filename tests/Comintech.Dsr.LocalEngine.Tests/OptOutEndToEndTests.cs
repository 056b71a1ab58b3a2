using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Comintech.Dsr.LocalEngine.Demo;
using Comintech.Dsr.LocalEngine.Storage;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.LocalEngine.Tests;

/// <summary>A marketing opt-out through the local engine; a loopback server stands in for SendGrid's Marketing API.</summary>
public sealed class OptOutEndToEndTests : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();
    private readonly HttpListener sendGrid = new();
    private readonly string sendGridUrl = $"http://127.0.0.1:{AzuriteProcess.FreePort()}/";
    private readonly ConcurrentQueue<string> suppressed = new();
    private readonly string dataMapFile = Path.Combine(Path.GetTempPath(), $"dsr-datamap-{Guid.NewGuid():N}.json");
    private EngineProcess engine = null!;

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        sendGrid.Prefixes.Add(sendGridUrl);
        sendGrid.Start();
        _ = Task.Run(ServeAsync);
        var demo = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "datamap.json")))!;
        demo["DataMap"]!["Stores"]!.AsArray().Add(new JsonObject
        {
            ["Id"] = "newsletter", ["Name"] = "Newsletter", ["Kind"] = "SendGridMarketing", ["Categories"] = new JsonArray("contact details"),
            ["Purpose"] = "Marketing e-mail", ["LegalBasis"] = "Consent (GDPR Art. 6(1)(a))", ["Retention"] = "Until you unsubscribe",
            ["Settings"] = new JsonObject { ["ApiKeyName"] = "Marketing:ApiKey", ["Host"] = sendGridUrl },
        });
        await File.WriteAllTextAsync(dataMapFile, demo.ToJsonString());
        engine = new EngineProcess(azurite.ConnectionString, "optout" + Guid.NewGuid().ToString("N")[..8], new Dictionary<string, string>
        {
            ["DataMap__File"] = dataMapFile,
            ["Marketing__ApiKey"] = "SG.test-marketing-key",
        });
        await engine.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await engine.DisposeAsync();
        sendGrid.Close();
        File.Delete(dataMapFile);
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task An_opt_out_confirmed_by_e_mail_suppresses_the_address_in_the_marketing_store_only()
    {
        var ada = DemoDataSeeder.People[0];
        var id = await engine.SubmitAsync(new { type = "optout", email = ada.Email, fullName = ada.FullName, jurisdiction = "CCPA" });
        using (await engine.VerifyAsync(id, await engine.CodeAsync(id)))
        {
        }

        var status = await engine.WaitForStatusAsync(id, "Completed", TimeSpan.FromSeconds(90));
        var store = Assert.Single(status.GetProperty("stores").EnumerateArray());
        Assert.Equal(("newsletter", "Done"), (store.GetProperty("storeId").GetString(), store.GetProperty("state").GetString()));
        var body = Assert.Single(suppressed);
        Assert.Equal([ada.Email], JsonDocument.Parse(body).RootElement.GetProperty("recipient_emails").EnumerateArray().Select(e => e.GetString()));

        var accounts = await TableRows.AllAsync(azurite.Storage.Tables.GetTableClient(DemoDataSeeder.CustomerAccountsTable));
        Assert.Contains(accounts, r => r.GetString("Email") == ada.Email);
        var final = await MailPickup.WaitForAsync(engine.PickupDirectory, $"{id}.final.eml", TimeSpan.FromSeconds(10));
        Assert.Contains("marketing opt-out", final.TextBody, StringComparison.Ordinal);
    }

    private async Task ServeAsync()
    {
        while (sendGrid.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await sendGrid.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using (var reader = new StreamReader(context.Request.InputStream))
            {
                var text = await reader.ReadToEndAsync();
                if (context.Request.HttpMethod == "POST" && context.Request.Url!.AbsolutePath.EndsWith("/asm/suppressions/global", StringComparison.Ordinal))
                {
                    suppressed.Enqueue(text);
                }
            }

            context.Response.StatusCode = 201;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync("{}"u8.ToArray());
            context.Response.Close();
        }
    }
}
