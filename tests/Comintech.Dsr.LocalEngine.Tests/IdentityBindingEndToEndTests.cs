using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Identity;
using Comintech.Dsr.LocalEngine.Demo;
using Comintech.Dsr.Testing;
using MimeKit;

namespace Comintech.Dsr.LocalEngine.Tests;

/// <summary>An engine that accepts control-panel links signed with <see cref="Key"/>.</summary>
public sealed class ControlPanelEngineFixture : EngineFixture
{
    public const string Key = "control-panel-key-for-the-end-to-end-tests";

    protected override IDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["Dsr__Identity__ControlPanelKey"] = Key,
        ["Staff__ApiKey"] = StaffKey,
    };

    public const string StaffKey = "staff-key-for-identity-binding-tests-0123456789";
}

/// <summary>
/// A stranger who verifies their own address and names another customer's account id, through the local engine and
/// the demo data: nothing of that account is served or erased, on any path; a genuine control-panel link binds it.
/// Grace (ACC-1002) is the victim in every test and is never erased; only Bobby (ACC-1004) is erased, by a genuine link.
/// </summary>
public sealed partial class IdentityBindingEndToEndTests(ControlPanelEngineFixture fixture) : IClassFixture<ControlPanelEngineFixture>
{
    private static readonly DemoPerson Ada = DemoDataSeeder.People[0];
    private static readonly DemoPerson Grace = DemoDataSeeder.People[1];
    private static readonly DemoPerson Bobby = DemoDataSeeder.People[3];

    private EngineProcess Engine => fixture.Engine;

    [Fact]
    public async Task A_verified_stranger_naming_another_account_gets_only_their_own_data_and_is_told_neutrally()
    {
        var id = await Engine.SubmitAsync(new { type = "access", email = Ada.Email, fullName = Ada.FullName, accountId = Grace.AccountId });
        var status = await VerifyAndWaitAsync(id, "Completed");

        var identity = status.GetProperty("identity");
        Assert.Equal(1, identity.GetProperty("tier").GetInt32());
        Assert.Equal(["accountId"], identity.GetProperty("unboundIdentifiers").EnumerateArray().Select(e => e.GetString()));
        var package = await PackageTextAsync(await FinalMailAsync(id));
        Assert.Contains(Ada.Email, package, StringComparison.Ordinal);
        Assert.Contains(Ada.Phone, package, StringComparison.Ordinal);
        foreach (var value in new[] { Grace.Email, Grace.Phone, Grace.PostalAddress, Grace.LoginIp, $"INV-{Grace.AccountId}" })
        {
            Assert.DoesNotContain(value, package, StringComparison.OrdinalIgnoreCase);
        }

        var evidence = await EvidenceAsync(id);
        var unbound = Assert.Single(evidence, e => e.EventType == EvidenceEvents.IdentityUnbound.Name);
        Assert.Contains("NotLinked", unbound.Details, StringComparison.Ordinal);
        Assert.All(evidence, e => Assert.DoesNotContain(Grace.AccountId, e.Details, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("could not link it to the e-mail address you confirmed", (await FinalMailAsync(id)).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stranger_s_deletion_leaves_the_named_account_intact_and_reads_the_same_as_for_a_missing_account()
    {
        var mallory = $"mallory-{Guid.NewGuid():N}@evil.example";
        var victim = await EraseAsStrangerAsync(mallory, Grace.AccountId);
        var missing = await EraseAsStrangerAsync(mallory.Replace("mallory-", "mallory2-", StringComparison.Ordinal), "ACC-9999");

        await AssertGraceIntactAsync();
        Assert.Equal(Normalised(victim.Final, victim.Id), Normalised(missing.Final, missing.Id));
        Assert.Equal(victim.Status.GetProperty("identity").GetRawText(), missing.Status.GetProperty("identity").GetRawText());
    }

    [Fact]
    public async Task An_emailed_deletion_naming_another_account_touches_nothing_of_it()
    {
        var mallory = $"mallory-{Guid.NewGuid():N}@evil.example";
        var raw = TestMail.Raw($"Mallory <{mallory}>", "Delete my account", $"Hello, please delete my account and all my personal data. Account id: {Grace.AccountId}");
        await fixture.Azurite.Storage.InboundMail.GetBlobClient($"export/{Guid.NewGuid():N}.eml").UploadAsync(BinaryData.FromBytes(raw));

        var id = await RequestMailedToAsync(mallory);
        var status = await VerifyAndWaitAsync(id, "Completed");

        Assert.Equal("deletion", status.GetProperty("type").GetString());
        Assert.Equal(["accountId"], status.GetProperty("identity").GetProperty("unboundIdentifiers").EnumerateArray().Select(e => e.GetString()));
        await AssertGraceIntactAsync();
    }

    [Fact]
    public async Task A_control_panel_link_binds_the_account_whose_email_changed_so_it_is_served_and_erased()
    {
        var newAddress = $"bobby-{Guid.NewGuid():N}@new.example";
        var access = await Engine.SubmitAsync(new
        {
            type = "access", email = newAddress, fullName = "Bobby", accountId = Bobby.AccountId, identityToken = Link(Bobby.AccountId, newAddress),
        });
        var accessStatus = await VerifyAndWaitAsync(access, "Completed");
        var package = await PackageTextAsync(await FinalMailAsync(access));

        Assert.Equal(2, accessStatus.GetProperty("identity").GetProperty("tier").GetInt32());
        Assert.Contains(Bobby.Phone, package, StringComparison.Ordinal);
        Assert.DoesNotContain(Grace.Phone, package, StringComparison.Ordinal);

        var deletion = await Engine.SubmitAsync(new { type = "deletion", email = newAddress, fullName = "Bobby", identityToken = Link(Bobby.AccountId, newAddress) });
        await VerifyAndWaitAsync(deletion, "Completed");

        Assert.DoesNotContain(await TableRows.AllAsync(Table(DemoDataSeeder.CustomerAccountsTable)), r => r.RowKey == Bobby.AccountId);
        await AssertGraceIntactAsync();
        var evidence = await EvidenceAsync(deletion);
        Assert.Contains("control-panel", Assert.Single(evidence, e => e.EventType == EvidenceEvents.IdentityResolved.Name).Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_altered_or_expired_link_or_one_for_another_address_is_refused()
    {
        var genuine = Link(Grace.AccountId, "mallory@evil.example");
        var altered = genuine[..^3] + (genuine[^3] == 'x' ? "y" : "x") + genuine[^2..];
        var expired = ControlPanelLinks.Create(ControlPanelEngineFixture.Key, Grace.AccountId, "mallory@evil.example", DateTimeOffset.UtcNow.AddSeconds(-5));
        var otherAddress = Link(Grace.AccountId, Grace.Email);

        foreach (var token in new[] { altered, expired, otherAddress })
        {
            using var response = await Engine.Http.PostAsJsonAsync(new Uri("/api/requests", UriKind.Relative), new
            {
                type = "deletion", email = "mallory@evil.example", fullName = "Mallory", identityToken = token,
            });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("identityToken", out _));
        }

        var open = await Engine.SubmitAsync(new { type = "access", email = "mallory@evil.example", fullName = "Mallory", accountId = Grace.AccountId });
        foreach (var token in new[] { altered, expired, otherAddress })
        {
            using var upgrade = await Engine.Http.PostAsJsonAsync(new Uri($"/api/requests/{open}/identity", UriKind.Relative), new { identityToken = token });
            Assert.Equal(HttpStatusCode.BadRequest, upgrade.StatusCode);
        }
    }

    [Fact]
    public async Task A_link_presented_after_completion_re_runs_the_account_stores_and_mails_the_fuller_package()
    {
        var newAddress = $"ada-{Guid.NewGuid():N}@new.example";
        var id = await Engine.SubmitAsync(new { type = "access", email = newAddress, fullName = "Ada", accountId = Ada.AccountId });
        await VerifyAndWaitAsync(id, "Completed");
        Assert.DoesNotContain(Ada.Phone, await PackageTextAsync(await FinalMailAsync(id)), StringComparison.Ordinal);

        using var upgrade = await Engine.Http.PostAsJsonAsync(new Uri($"/api/requests/{id}/identity", UriKind.Relative), new { identityToken = Link(Ada.AccountId, newAddress) });
        Assert.Equal(HttpStatusCode.OK, upgrade.StatusCode);
        Assert.True((await upgrade.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rerunStarted").GetBoolean());

        var update = await UpdateMailAsync(id);
        Assert.Contains(Ada.Phone, await PackageTextAsync(update), StringComparison.Ordinal);
        Assert.Contains(await EvidenceAsync(id), e => e.EventType == EvidenceEvents.IdentityRerunCompleted.Name);
    }

    [Fact]
    public async Task Staff_bind_an_account_after_checking_it_and_the_binding_is_audited()
    {
        var id = await Engine.SubmitAsync(new { type = "access", email = $"g-{Guid.NewGuid():N}@personal.example", fullName = "Grace", accountId = Grace.AccountId });
        await VerifyAndWaitAsync(id, "Completed");
        var before = await StaffDetailAsync(id);
        Assert.Equal("AC••••02", before.GetProperty("identity").GetProperty("unboundAccountId").GetString());

        using var unauthenticated = await Engine.Http.PostAsJsonAsync(new Uri($"/api/staff/requests/{id}/identity/bind", UriKind.Relative), new { accountId = Grace.AccountId, reason = "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        using var bind = new HttpRequestMessage(HttpMethod.Post, $"/api/staff/requests/{id}/identity/bind")
        {
            Content = JsonContent.Create(new { accountId = Grace.AccountId, reason = "Postal address and last invoice number match the record" }),
        };
        bind.Headers.Add("X-Api-Key", ControlPanelEngineFixture.StaffKey);
        using var bound = await Engine.Http.SendAsync(bind);
        Assert.Equal(HttpStatusCode.OK, bound.StatusCode);

        Assert.Contains(Grace.Phone, await PackageTextAsync(await UpdateMailAsync(id)), StringComparison.Ordinal);
        var after = await StaffDetailAsync(id);
        Assert.Equal(Grace.AccountId, after.GetProperty("identity").GetProperty("boundAccountId").GetString());
        Assert.Equal(2, after.GetProperty("identity").GetProperty("tier").GetInt32());
        Assert.Contains(after.GetProperty("audit").EnumerateArray(), a => a.GetProperty("action").GetString() == "bind-identity");
    }

    private async Task<(string Id, JsonElement Status, MimeMessage Final)> EraseAsStrangerAsync(string email, string accountId)
    {
        var id = await Engine.SubmitAsync(new { type = "deletion", email, fullName = "Mallory", accountId });
        var status = await VerifyAndWaitAsync(id, "Completed");
        return (id, status, await FinalMailAsync(id));
    }

    private async Task<JsonElement> VerifyAndWaitAsync(string id, string status)
    {
        using (var verified = await Engine.VerifyAsync(id, await Engine.CodeAsync(id)))
        {
            Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        }

        return await Engine.WaitForStatusAsync(id, status, TimeSpan.FromSeconds(90));
    }

    private async Task AssertGraceIntactAsync()
    {
        var account = (await Table(DemoDataSeeder.CustomerAccountsTable).GetEntityAsync<TableEntity>("accounts", Grace.AccountId)).Value;
        Assert.Equal((Grace.Email, Grace.Phone), (account.GetString("Email"), account.GetString("Phone")));
        var tickets = await TableRows.AllAsync(Table(DemoDataSeeder.SupportTicketsTable));
        Assert.Contains(tickets, t => t.PartitionKey == Grace.AccountId && t.GetString("Email") == Grace.Email);
        Assert.Contains(await TableRows.AllAsync(Table(DemoDataSeeder.InvoicesTable)), i => i.PartitionKey == Grace.AccountId && i.GetString("Email") == Grace.Email);
    }

    private TableClient Table(string name) => fixture.Azurite.Storage.Tables.GetTableClient(name);

    private Task<IReadOnlyList<EvidenceRecord>> EvidenceAsync(string id) => new EvidenceLedger(fixture.Azurite.Storage, TimeProvider.System).ReadAsync(id);

    private Task<MimeMessage> FinalMailAsync(string id) => MailPickup.WaitForAsync(Engine.PickupDirectory, $"{id}.final.eml", TimeSpan.FromSeconds(30));

    private async Task<MimeMessage> UpdateMailAsync(string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.GetFiles(Engine.PickupDirectory, $"{id}.identity-update-*.eml").FirstOrDefault() is { } file)
            {
                await Task.Delay(200);
                return await MimeMessage.LoadAsync(file);
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"No identity update mail for {id}.");
    }

    private async Task<string> RequestMailedToAsync(string address)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var file in Directory.GetFiles(Engine.PickupDirectory, "*.code-1.eml"))
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => m.Address == address))
                {
                    return Path.GetFileName(file).Split('.')[0];
                }
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"No code mail to {address}.");
    }

    private async Task<JsonElement> StaffDetailAsync(string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/staff/requests/{id}");
        request.Headers.Add("X-Api-Key", ControlPanelEngineFixture.StaffKey);
        using var response = await Engine.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<string> PackageTextAsync(MimeMessage mail)
    {
        var link = new Uri(PackageLink().Match(mail.TextBody ?? "").Value);
        using var response = await Engine.Http.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        return string.Concat(zip.Entries.Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        }));
    }

    private static string Link(string accountId, string email) =>
        ControlPanelLinks.Create(ControlPanelEngineFixture.Key, accountId, email, DateTimeOffset.UtcNow.AddMinutes(30));

    private static string Normalised(MimeMessage mail, string id) => (mail.TextBody ?? "").Replace(id, "<id>", StringComparison.Ordinal);

    [GeneratedRegex(@"http\S+/package\?\S+")]
    private static partial Regex PackageLink();
}
