using System.Text;
using System.Text.Json;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Staff;
using Comintech.Dsr.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Core.Tests.Web;

public class WebPagesTests
{
    private static readonly UiLists Lists = new(new DataMapCorrectableFields(Options.Create(new DataMapOptions
    {
        Stores =
        [
            new DataStoreDefinition { Id = "a", Fields = new(StringComparer.OrdinalIgnoreCase) { ["fullName"] = "Name", ["loyaltyTier"] = "Tier" } },
            new DataStoreDefinition { Id = "b", Fields = new(StringComparer.OrdinalIgnoreCase) { ["FullName"] = "N", ["phone"] = "P" } },
        ],
    })));

    internal static async Task<string> RenderAsync(IResult page, int? expectedStatus = null)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();
        await page.ExecuteAsync(context);
        if (expectedStatus is { } status)
        {
            Assert.Equal(status, context.Response.StatusCode);
        }

        return Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
    }

    private static HttpRequest Request(string? acceptLanguage = null, string? query = null)
    {
        var context = new DefaultHttpContext();
        if (acceptLanguage is not null)
        {
            context.Request.Headers.AcceptLanguage = acceptLanguage;
        }

        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }

    internal static async Task<IReadOnlyList<string>> EveryPageAsync() =>
    [
        .. await Task.WhenAll(FormTexts.Languages.Select(l => RenderAsync(RequestFormPage.Form(Request(query: "?lang=" + l), Lists)))),
        await RenderAsync(StaffConsolePage.Page(entraSignIn: false)),
        await RenderAsync(StaffConsolePage.Page(entraSignIn: true)),
        await RenderAsync(RequestFormPage.Accepted(Request(), "x")),
        await RenderAsync(RequestFormPage.Invalid(Request(), new() { ["email"] = ["<b>bad</b>"] })),
    ];

    [Theory]
    [InlineData(null, null, "en", "Make a privacy request")]
    [InlineData("es-ES,es;q=0.9,en;q=0.5", null, "es", "Haga una solicitud de privacidad")]
    [InlineData("fr-FR, pt-BR;q=0.8, es;q=0.5", null, "pt", "Faça um pedido de privacidade")]
    [InlineData("de", null, "en", "Make a privacy request")]
    [InlineData("es", "?lang=pt", "pt", "Faça um pedido de privacidade")]
    [InlineData("es", "?lang=xx", "es", "Haga una solicitud de privacidad")]
    public async Task The_form_speaks_the_language_asked_for_by_the_switch_else_by_the_browser(string? acceptLanguage, string? query, string language, string title)
    {
        var html = await RenderAsync(RequestFormPage.Form(Request(acceptLanguage, query), Lists), StatusCodes.Status200OK);

        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"action=\"/api/requests?lang={language}\"", html, StringComparison.Ordinal);
        Assert.Contains($"lang=\"{language}\" aria-current=\"page\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_language_has_every_text_of_the_form_and_its_script()
    {
        var english = FormTexts.In("en");
        var englishScript = ScriptKeys(english);
        Assert.Equal(["en", "es", "pt"], FormTexts.Languages);
        foreach (var language in FormTexts.Languages)
        {
            var texts = FormTexts.In(language);
            Assert.Equal(english.Texts.Keys.Order(), texts.Texts.Keys.Order());
            Assert.Equal(englishScript, ScriptKeys(texts));
        }

        static IEnumerable<string> ScriptKeys(FormTexts texts) =>
            JsonDocument.Parse(texts.ScriptJson).RootElement.EnumerateObject().Select(p => p.Name).Order().ToList();
    }

    [Fact]
    public async Task The_forms_lists_come_from_the_server_types_and_the_data_map()
    {
        var html = await RenderAsync(RequestFormPage.Form(Request(), Lists));

        foreach (var type in UiLists.Types)
        {
            Assert.Contains($"<option value=\"{type}\">", html, StringComparison.Ordinal);
        }

        Assert.Contains("<option value=\"optout\">", html, StringComparison.Ordinal);
        Assert.Equal(["fullName", "loyaltyTier", "phone"], Lists.CorrectionFields);
        Assert.Contains("name=\"corrections[loyaltyTier]\"", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"c-phone\">Phone</label>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("corrections[postalAddress]", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"en\" selected>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_lists_route_names_every_type_status_and_correctable_field()
    {
        using var lists = JsonDocument.Parse(await RenderAsync(Lists.Get(), StatusCodes.Status200OK));
        var root = lists.RootElement;
        string[] Names(string property) => [.. root.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];

        Assert.Contains("optout", Names("types"));
        Assert.Equal(Enum.GetNames<Comintech.Dsr.Domain.RequestStatus>(), Names("statuses"));
        Assert.Equal(["Completed", "CompletedWithExceptions", "IdentityNotVerified", "Denied"], Names("finalStatuses"));
        Assert.Equal(["fullName", "loyaltyTier", "phone"], Names("correctionFields"));
        Assert.Contains("Email", Names("channels"));
    }

    [Fact]
    public async Task The_result_pages_of_a_form_post_are_in_the_forms_language_and_encode_what_they_show()
    {
        var accepted = await RenderAsync(RequestFormPage.Accepted(Request(query: "?lang=es"), "a<b"), StatusCodes.Status202Accepted);
        var invalid = await RenderAsync(RequestFormPage.Invalid(Request("pt"), new() { ["email"] = ["<b>bad</b>"] }), StatusCodes.Status400BadRequest);

        Assert.Contains("Solicitud recibida", accepted, StringComparison.Ordinal);
        Assert.Contains("<code>a&lt;b</code>", accepted, StringComparison.Ordinal);
        Assert.Contains("href=\"/?request=a%3Cb&amp;lang=es#verify\"", accepted, StringComparison.Ordinal);
        Assert.Contains("Verifique o seu pedido", invalid, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;bad&lt;/b&gt;", invalid, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("form.js", "text/javascript")]
    [InlineData("form.css", "text/css")]
    [InlineData("staff.js", "text/javascript")]
    [InlineData("staff.css", "text/css")]
    public async Task The_pages_files_are_served_and_nothing_else_is(string name, string contentType)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();
        await WebAssets.Serve(name).ExecuteAsync(context);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.StartsWith(contentType, context.Response.ContentType, StringComparison.Ordinal);
        Assert.Equal(WebAssets.Text(name), Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
        Assert.DoesNotContain("innerHTML", WebAssets.Text(name), StringComparison.Ordinal);
        Assert.Equal(StatusCodes.Status404NotFound, (WebAssets.Serve("form-texts.json") as IStatusCodeHttpResult)?.StatusCode);
        Assert.Equal(StatusCodes.Status404NotFound, (WebAssets.Serve("../staff.html") as IStatusCodeHttpResult)?.StatusCode);
    }
}
