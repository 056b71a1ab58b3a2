using System.Text.Json;
using System.Text.Json.Nodes;
using Comintech.Dsr.LocalEngine.Demo;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.LocalEngine.Tests;

/// <summary>A marketing opt-out through the local engine; a loopback server stands in for SendGrid's Marketing API.</summary>
public sealed class OptOutEndToEndTests : IAsyncLifetime
{
    private DemoMapEngine demo = null!;

    public async Task InitializeAsync() => demo = await DemoMapEngine.StartAsync(
        url => new JsonObject
        {
            ["Id"] = "newsletter", ["Name"] = "Newsletter", ["Kind"] = "SendGridMarketing", ["Categories"] = new JsonArray("contact details"),
            ["Purpose"] = "Marketing e-mail", ["LegalBasis"] = "Consent (GDPR Art. 6(1)(a))", ["Retention"] = "Until you unsubscribe",
            ["Settings"] = new JsonObject { ["ApiKeyName"] = "Marketing:ApiKey", ["Host"] = url },
        },
        new Dictionary<string, string> { ["Marketing__ApiKey"] = "SG.test-marketing-key" });

    public async Task DisposeAsync() => await demo.DisposeAsync();

    [Fact]
    public async Task An_opt_out_confirmed_by_e_mail_suppresses_the_address_in_the_marketing_store_only()
    {
        var engine = demo.Engine;
        var ada = DemoDataSeeder.People[0];
        var id = await engine.SubmitAsync(new { type = "optout", email = ada.Email, fullName = ada.FullName, jurisdiction = "CCPA" });
        using (await engine.VerifyAsync(id, await engine.CodeAsync(id)))
        {
        }

        var status = await engine.WaitForStatusAsync(id, "Completed", TimeSpan.FromSeconds(90));
        var store = Assert.Single(status.GetProperty("stores").EnumerateArray());
        Assert.Equal(("newsletter", "Done"), (store.GetProperty("storeId").GetString(), store.GetProperty("state").GetString()));
        var body = Assert.Single(demo.Received, r => r.Path.EndsWith("/asm/suppressions/global", StringComparison.Ordinal)).Body;
        Assert.Equal([ada.Email], JsonDocument.Parse(body).RootElement.GetProperty("recipient_emails").EnumerateArray().Select(e => e.GetString()));

        var accounts = await TableRows.AllAsync(demo.Azurite.Storage.Tables.GetTableClient(DemoDataSeeder.CustomerAccountsTable));
        Assert.Contains(accounts, r => r.GetString("Email") == ada.Email);
        var final = await MailPickup.WaitForAsync(engine.PickupDirectory, $"{id}.final.eml", TimeSpan.FromSeconds(10));
        Assert.Contains("marketing opt-out", final.TextBody, StringComparison.Ordinal);
    }
}
