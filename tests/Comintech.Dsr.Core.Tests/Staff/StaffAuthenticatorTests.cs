using System.Text.Json;
using System.Text;
using Comintech.Dsr.Staff;
using Comintech.Dsr.StaffAccess;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Comintech.Dsr.Core.Tests.Staff;

public class StaffAuthenticatorTests
{
    private const string Key = "local-staff-key-0123456789";

    private static StaffAuthenticator Authenticator(bool appServiceAuth = false) => new(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Staff:ApiKey"] = Key,
            ["WEBSITE_AUTH_ENABLED"] = appServiceAuth ? "True" : null,
        })
        .Build());

    private static HttpRequest Request(string? apiKey = null, string? principal = null)
    {
        var context = new DefaultHttpContext();
        if (apiKey is not null)
        {
            context.Request.Headers[StaffAuthenticator.ApiKeyHeader] = apiKey;
        }

        if (principal is not null)
        {
            context.Request.Headers[StaffAuthenticator.ClientPrincipalHeader] = principal;
        }

        return context.Request;
    }

    private static string Principal(string name, params string[] roles) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        auth_typ = "aad",
        name_typ = "name",
        role_typ = "roles",
        claims = new[] { new { typ = "name", val = name } }.Concat(roles.Select(r => new { typ = "roles", val = r })),
    })));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_console_offers_entra_id_sign_in_only_behind_app_service_authentication(bool appServiceAuth)
    {
        var authenticator = Authenticator(appServiceAuth);
        var page = (Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult)StaffConsolePage.Page(authenticator.TrustsClientPrincipal);

        Assert.Equal(appServiceAuth, authenticator.TrustsClientPrincipal);
        Assert.Contains($"href=\"{StaffConsolePage.EntraSignInPath}\"", page.ResponseContent);
        Assert.Equal(!appServiceAuth, page.ResponseContent!.Contains("<p id=\"entra-signin\" hidden>", StringComparison.Ordinal));
        Assert.DoesNotContain("__ENTRA__", page.ResponseContent);
        Assert.Contains("<script src=\"/ui/staff.js\" defer></script>", page.ResponseContent, StringComparison.Ordinal);
        Assert.Contains("fetch('/api/staff/me'", Comintech.Dsr.Web.WebAssets.Text("staff.js"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_configured_key_signs_in() =>
        Assert.Equal("api-key", Authenticator().Authenticate(Request(Key))?.Name);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("local-staff-key-012345678")]
    [InlineData("LOCAL-STAFF-KEY-0123456789")]
    public void No_or_a_wrong_key_is_refused(string? key) =>
        Assert.Null(Authenticator().Authenticate(Request(key)));

    [Fact]
    public void No_key_configured_refuses_everyone()
    {
        var authenticator = new StaffAuthenticator(new ConfigurationBuilder().Build());

        Assert.Null(authenticator.Authenticate(Request("")));
        Assert.Null(authenticator.Authenticate(Request("anything")));
    }

    [Fact]
    public void Behind_app_service_auth_a_principal_with_the_staff_role_signs_in_under_its_name()
    {
        var staff = Authenticator(appServiceAuth: true).Authenticate(Request(principal: Principal("Grace Officer", "Dsr.Staff")));

        Assert.Equal(new StaffPrincipal("Grace Officer", "entra-id"), staff);
    }

    [Fact]
    public void A_principal_without_the_staff_role_is_refused_even_with_the_key() =>
        Assert.Null(Authenticator(appServiceAuth: true).Authenticate(Request(Key, Principal("Mallory", "Dsr.Reader"))));

    [Theory]
    [InlineData("not base64!")]
    [InlineData("bm90IGpzb24=")] // "not json"
    [InlineData("eyJjbGFpbXMiOjF9")] // {"claims":1}
    public void A_malformed_principal_is_refused(string header) =>
        Assert.Null(Authenticator(appServiceAuth: true).Authenticate(Request(principal: header)));

    [Fact]
    public void Without_app_service_auth_a_forged_principal_header_counts_for_nothing()
    {
        var authenticator = Authenticator(appServiceAuth: false);

        Assert.Null(authenticator.Authenticate(Request(principal: Principal("Forger", "Dsr.Staff"))));
        Assert.Equal("api-key", authenticator.Authenticate(Request(Key, Principal("Forger", "Dsr.Staff")))?.Name);
    }
}
