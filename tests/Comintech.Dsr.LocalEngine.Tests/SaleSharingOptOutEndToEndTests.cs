using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.LocalEngine.Demo;
using Comintech.Dsr.Staff;
using Comintech.Dsr.StaffAccess;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.LocalEngine.Tests;

/// <summary>
/// The demo map plus a newsletter (a loopback stand-in for SendGrid) and a named recipient of the customer accounts
/// reached by signed webhook on the same loopback server; a staff key for refusals.
/// </summary>
public sealed class SaleSharingEngineFixture : IAsyncLifetime
{
    public const string StaffKey = "sale-sharing-tests-staff-key-0123456789";

    public DemoMapEngine Demo { get; private set; } = null!;

    public async Task InitializeAsync() => Demo = await DemoMapEngine.StartAsync(
        url => new JsonObject
        {
            ["Id"] = "newsletter", ["Name"] = "Newsletter", ["Kind"] = "SendGridMarketing", ["Categories"] = new JsonArray("contact details"),
            ["Purpose"] = "Marketing e-mail", ["LegalBasis"] = "Consent (GDPR Art. 6(1)(a))", ["Retention"] = "Until you unsubscribe",
            ["Settings"] = new JsonObject { ["ApiKeyName"] = "Marketing:ApiKey", ["Host"] = url },
        },
        new Dictionary<string, string>
        {
            ["Marketing__ApiKey"] = "SG.test-marketing-key",
            ["Staff__ApiKey"] = StaffKey,
            ["Recipients__PayrollSecret"] = "payroll-bureau-signing-secret-0123456789",
        },
        (map, url) =>
        {
            map["DataMap"]!["Recipients"] = new JsonArray(new JsonObject
            {
                ["Id"] = "payroll-bureau", ["Name"] = "Payroll bureau", ["Notify"] = "Webhook",
                ["Endpoint"] = url + "recipients/payroll", ["SecretName"] = "Recipients:PayrollSecret",
            });
            map["DataMap"]!["Stores"]![0]!["Recipients"]!.AsArray().Add("payroll-bureau");
        });

    public async Task DisposeAsync() => await Demo.DisposeAsync();
}

/// <summary>
/// CCPA opt-out of sale/sharing made by a Global Privacy Control signal alone (no code, no type, no name); a deletion
/// partly refused by staff whose recipients are told of the erasure (GDPR Art. 19); a request refused whole before
/// verification; all through the local engine.
/// </summary>
public sealed class SaleSharingOptOutEndToEndTests(SaleSharingEngineFixture fixture) : IClassFixture<SaleSharingEngineFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    private EngineProcess Engine => fixture.Demo.Engine;

    [Fact]
    public async Task A_GPC_signal_with_an_e_mail_opts_out_of_sale_and_sharing_without_a_code()
    {
        var ada = DemoDataSeeder.People[0];
        using var form = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/requests", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = ada.Email }),
        };
        form.Headers.Add("Sec-GPC", "1");
        using var response = await Engine.Http.SendAsync(form);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetString()!;

        var status = await Engine.WaitForStatusAsync(id, "Completed", Wait);
        Assert.Equal(("donotsell", "CCPA"), (status.GetProperty("type").GetString(), status.GetProperty("jurisdiction").GetString()));
        var store = Assert.Single(status.GetProperty("stores").EnumerateArray());
        Assert.Equal(("newsletter", "Done"), (store.GetProperty("storeId").GetString(), store.GetProperty("state").GetString()));
        Assert.Contains(fixture.Demo.Received, r => r.Path.EndsWith("/asm/suppressions/global", StringComparison.Ordinal) && r.Body.Contains(ada.Email, StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(Engine.PickupDirectory, $"{id}.code-1.eml")), "No verification code is sent for an opt-out of sale/sharing.");

        var final = await MailPickup.WaitForAsync(Engine.PickupDirectory, $"{id}.final.eml", TimeSpan.FromSeconds(10));
        Assert.Contains("\"do not sell or share my personal information\" request is complete", final.TextBody, StringComparison.Ordinal);
        Assert.Contains("We do not sell or share your personal information", final.TextBody, StringComparison.Ordinal);
        Assert.Contains("complain to the supervisory authority, California Privacy Protection Agency (CPPA)", final.TextBody, StringComparison.Ordinal);
        Assert.Contains("We keep a record of this request", final.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("marketing opt-out", final.TextBody, StringComparison.Ordinal);

        var events = (await new EvidenceLedger(fixture.Demo.Azurite.Storage, TimeProvider.System).ReadAsync(id)).ToList();
        Assert.Contains(events, e => e.EventType == EvidenceEvents.Received.Name && e.Details.Contains("\"globalPrivacyControl\":true", StringComparison.Ordinal));
        Assert.Contains(events, e => e.EventType == EvidenceEvents.VerificationNotRequired.Name);
        Assert.DoesNotContain(events, e => e.EventType == EvidenceEvents.VerificationSent.Name);
    }

    [Fact]
    public async Task A_partly_refused_deletion_names_the_reason_and_the_authority_and_tells_the_recipient()
    {
        var grace = DemoDataSeeder.People[1];
        var id = await Engine.SubmitAsync(new { type = "deletion", email = grace.Email, fullName = grace.FullName, accountId = grace.AccountId });
        using (var refused = await Engine.Http.SendAsync(Staff($"/api/staff/requests/{id}/refuse", new { reason = "Open fraud investigation, case 7", stores = new[] { "support-tickets" } })))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        using (var unknown = await Engine.Http.SendAsync(Staff($"/api/staff/requests/{id}/refuse", new { reason = "x", stores = new[] { "no-such-store" } })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        }

        using (await Engine.VerifyAsync(id, await Engine.CodeAsync(id)))
        {
        }

        var status = await Engine.WaitForStatusAsync(id, "Completed", Wait);
        Assert.DoesNotContain(status.GetProperty("stores").EnumerateArray(), s => s.GetProperty("storeId").GetString() == "support-tickets");
        var final = await MailPickup.WaitForAsync(Engine.PickupDirectory, $"{id}.final.eml", TimeSpan.FromSeconds(10));
        Assert.Contains("What we did not do and why:\n- Support desk tickets: Open fraud investigation, case 7", final.TextBody, StringComparison.Ordinal);
        Assert.Contains("data protection authority", final.TextBody, StringComparison.Ordinal);
        Assert.Contains("GDPR Art. 77 and 79", final.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/api/requests/{id}/recipients", final.TextBody, StringComparison.Ordinal);

        var told = Assert.Single(fixture.Demo.Received, r => r.Path == "/recipients/payroll" && r.Body.Contains(id, StringComparison.Ordinal));
        using var body = JsonDocument.Parse(told.Body);
        Assert.Equal("erase", body.RootElement.GetProperty("action").GetString());
        Assert.Equal(grace.Email, body.RootElement.GetProperty("subject").GetProperty("email").GetString());

        var list = await Engine.Http.GetFromJsonAsync<JsonElement>(new Uri($"/api/requests/{id}/recipients", UriKind.Relative));
        Assert.Contains(list.GetProperty("told").EnumerateArray(), r => r.GetProperty("recipient").GetString() == "Payroll bureau");
        Assert.DoesNotContain(grace.Email, list.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Staff_refuse_a_whole_request_before_verification_and_the_person_gets_the_reason_and_the_authority()
    {
        var ada = DemoDataSeeder.People[0];
        var id = await Engine.SubmitAsync(new { type = "access", email = ada.Email, fullName = ada.FullName, jurisdiction = "CCPA", language = "pt" });
        await Engine.CodeAsync(id);
        using (var refused = await Engine.Http.SendAsync(Staff($"/api/staff/requests/{id}/refuse", new { reason = "Pedido repetido sem fundamento (GDPR Art. 12(5))" })))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        var status = await Engine.WaitForStatusAsync(id, "Denied", Wait);
        Assert.Equal("Done", status.GetProperty("stage").GetString());
        var notice = await MailPickup.WaitForAsync(Engine.PickupDirectory, $"{id}.denied.eml", TimeSpan.FromSeconds(10));
        Assert.Contains("Motivo: Pedido repetido sem fundamento\n", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("queixa à autoridade de controlo, California Privacy Protection Agency (CPPA), https://cppa.ca.gov", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("Conservamos um registo deste pedido", notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("GDPR", notice.TextBody, StringComparison.Ordinal);

        using var again = await Engine.Http.SendAsync(Staff($"/api/staff/requests/{id}/refuse", new { reason = "again" }));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var verify = await Engine.VerifyAsync(id, "123456");
        Assert.Equal(HttpStatusCode.Conflict, verify.StatusCode);
    }

    private static HttpRequestMessage Staff(string path, object body)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        message.Headers.Add(StaffAuthenticator.ApiKeyHeader, SaleSharingEngineFixture.StaffKey);
        return message;
    }
}
