namespace Comintech.Dsr.Web;

/// <summary>
/// The pages' CSS, JavaScript and texts, kept as files under <c>Web/Assets</c> and embedded in the assembly.
/// Both hosts serve the stylesheets and scripts at <c>/ui/{name}</c> (the Content-Security-Policy allows them as
/// <c>'self'</c>); the HTML is rendered from <c>Web/Templates</c> by <see cref="HtmlTemplates"/>.
/// </summary>
public static class WebAssets
{
    public const string Route = "/ui/{name}";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["form.css"] = "text/css; charset=utf-8",
        ["form.js"] = "text/javascript; charset=utf-8",
        ["staff.css"] = "text/css; charset=utf-8",
        ["staff.js"] = "text/javascript; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Files = typeof(WebAssets).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
        .ToFrozenDictionary(n => n[Prefix.Length..], EmbeddedResources.Text, StringComparer.Ordinal);

    private const string Prefix = "Comintech.Dsr.Web.Assets.";

    /// <summary>The names served at <see cref="Route"/>.</summary>
    public static IReadOnlyCollection<string> Served => ContentTypes.Keys;

    /// <summary>GET /ui/{name}: a stylesheet or script of the pages; 404 for any other name.</summary>
    public static IResult Serve(string name) =>
        ContentTypes.TryGetValue(name, out var contentType)
            ? Results.Text(Text(name), contentType, Encoding.UTF8)
            : Results.NotFound();

    /// <summary>An embedded file's text.</summary>
    public static string Text(string name) =>
        Files.TryGetValue(name, out var text) ? text : throw new InvalidOperationException($"No embedded web asset '{name}'.");

    public static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
}
