using System.Reflection;
using System.Text.Json;
using Comintech.Dsr.Http;
using Comintech.Dsr.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Functions.Tests;

/// <summary>
/// Serves the HTTP routes of the built <c>functions.metadata</c> (with host.json's route prefix) through ASP.NET Core
/// routing, as the Functions host does, and answers with the name of the function a request reaches.
/// </summary>
public sealed class FunctionsRouteTable : IAsyncLifetime
{
    private WebApplication app = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var output = FunctionsOutputTests.Metadata("FunctionsOutput");
        using var host = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "host.json")));
        var prefix = host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString();
        using var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "functions.metadata")));

        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        foreach (var function in metadata.RootElement.EnumerateArray())
        {
            var name = function.GetProperty("name").GetString()!;
            foreach (var trigger in function.GetProperty("bindings").EnumerateArray().Where(b => b.GetProperty("type").GetString() == "httpTrigger"))
            {
                var route = trigger.GetProperty("route").GetString();
                Assert.False(string.IsNullOrEmpty(route), $"{name} has an empty route: the Functions host would serve it at /{name}.");
                var methods = trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).ToArray();
                app.MapMethods($"/{prefix}/{route}".Replace("//", "/", StringComparison.Ordinal), methods, () => name);
            }
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await app.DisposeAsync();
    }
}

public class MailedLinkRouteTests(FunctionsRouteTable routes) : IClassFixture<FunctionsRouteTable>
{
    private const string RequestId = "mPXsklpUOIcQrCpV3NqbP-kv1kM";

    private static readonly PublicLinks Links = new(Options.Create(new PublicUrlOptions { PublicBaseUrl = "https://privacy.comintech.example/" }));

    /// <summary>Each link builder, with the method and function it must reach.</summary>
    private static readonly Dictionary<string, (Func<string> Link, string Method, string Function)> Expected = new()
    {
        [nameof(PublicLinks.StatusPage)] = (() => Links.StatusPage(RequestId), "GET", "RequestFormFunction"),
        [nameof(PublicLinks.VerifyPage)] = (() => Links.VerifyPage(RequestId), "GET", "RequestFormFunction"),
        [nameof(PublicLinks.AccessPackage)] = (() => Links.AccessPackage(RequestId, 1_800_000_000, "ab12"), "GET", "AccessPackageFunction"),
        [nameof(PublicLinks.Recipients)] = (() => Links.Recipients(RequestId), "GET", "RecipientListFunction"),
        [nameof(PublicLinks.StaffConsole)] = (Links.StaffConsole, "GET", "StaffConsoleFunction"),
        [nameof(PublicLinks.Recipients)] = (() => Links.Recipients(RequestId), "GET", "RecipientListFunction"),
        [nameof(PublicLinks.ManualStepDone)] = (() => Links.ManualStepDone(RequestId, "billing-db"), "POST", "ManualStepDoneFunction"),
        [nameof(PublicLinks.PartnerConfirmations)] = (() => Links.PartnerConfirmations("acme"), "POST", "PartnerConfirmationFunction"),
        [nameof(PublicLinks.PartnerConfirmationPage)] =
            (() => Links.PartnerConfirmationPage("acme", RequestId, "erase", 1_800_000_000, "cd34"), "GET", "PartnerLinkFormFunction"),
        [nameof(PublicLinks.Recipients)] = (() => Links.Recipients(RequestId), "GET", "RecipientListFunction"),
        [nameof(PublicLinks.ClientAnswers)] = (() => Links.ClientAnswers("client-a"), "POST", "ClientAnswer"),
        [nameof(PublicLinks.ClientAnswerPage)] =
            (() => Links.ClientAnswerPage("client-a", RequestId, "erase", 1_800_000_000, "cd34"), "GET", "ClientAnswerForm"),
    };

    public static TheoryData<string> LinkNames() => [.. Expected.Keys];

    [Fact]
    public void Every_link_builder_is_checked()
    {
        var builders = typeof(PublicLinks).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.ReturnType == typeof(string)).Select(m => m.Name);

        Assert.Equal(builders.Order(), Expected.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(LinkNames))]
    public async Task Every_mailed_link_reaches_its_function_on_the_functions_host(string link)
    {
        var (build, method, function) = Expected[link];
        var url = new Uri(build());
        Assert.Equal("privacy.comintech.example", url.Host);

        using var request = new HttpRequestMessage(new HttpMethod(method), url.PathAndQuery);
        using var response = await routes.Client.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, $"{method} {url.PathAndQuery} answered {(int)response.StatusCode} on the Functions routes.");
        Assert.Equal(function, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_root_reaches_the_form_and_the_function_name_does_not()
    {
        Assert.Equal("RequestFormFunction", await routes.Client.GetStringAsync("/"));
        Assert.Equal("RequestFormFunction", await routes.Client.GetStringAsync("/?request=" + RequestId));
        using var byName = await routes.Client.GetAsync("/RequestFormFunction");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, byName.StatusCode);
    }
}
