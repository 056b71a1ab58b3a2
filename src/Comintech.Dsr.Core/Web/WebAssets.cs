using System.Collections.Frozen;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Comintech.Dsr.Web;

/// <summary>
/// The pages' HTML, CSS, JavaScript and texts, kept as files under <c>Web/Assets</c> and embedded in the assembly.
/// Both hosts serve the stylesheets and scripts at <c>/ui/{name}</c> (the Content-Security-Policy allows them as
/// <c>'self'</c>) and render the HTML templates' <c>{{name}}</c> placeholders here.
/// </summary>
public static partial class WebAssets
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
        .ToFrozenDictionary(n => n[Prefix.Length..], Load, StringComparer.Ordinal);

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

    /// <summary>
    /// Fills the template's <c>{{name}}</c> placeholders with <paramref name="html"/>'s values, which must already be
    /// HTML (encode text with <see cref="Encode"/>). A placeholder without a value is a programming error.
    /// </summary>
    public static string Render(string template, IReadOnlyDictionary<string, string> html) =>
        Placeholder().Replace(Text(template), m => html.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"Template '{template}' has no value for '{m.Groups[1].Value}'."));

    /// <summary>Text as HTML (element content or a quoted attribute); other characters stay as they are, the pages being UTF-8.</summary>
    public static string Encode(string text) => new StringBuilder(text)
        .Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;").ToString();

    public static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);

    private static string Load(string resource)
    {
        using var stream = typeof(WebAssets).Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{\{([A-Za-z][A-Za-z0-9.]*)\}\}")]
    private static partial Regex Placeholder();
}
