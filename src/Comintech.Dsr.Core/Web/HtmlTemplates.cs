using System.Collections;

namespace Comintech.Dsr.Web;

/// <summary>HTML made by a template (or another trusted source): inserted as it is, where a string is encoded.</summary>
public readonly record struct Html(string Value)
{
    public override string ToString() => Value;
}

/// <summary>
/// Every HTML document and page the app makes (the form's pages, the staff console's shell, the access package's
/// report, the deletion certificate, the partner and Client link pages, the package link's refusals) is a file under
/// <c>Web/Templates</c>, embedded, rendered here. The syntax is a small part of Mustache:
/// <list type="bullet">
/// <item><c>{{name}}</c>: the value, HTML-encoded; a value of type <see cref="Html"/> (another template's output) as it is.</item>
/// <item><c>{{#name}}…{{/name}}</c>: shown when the value is <c>true</c> or a non-empty string; repeated once per item
/// when it is a list of models (each item's names first, then the enclosing ones).</item>
/// <item><c>{{^name}}…{{/name}}</c>: shown when the value is <c>false</c>, null, empty or an empty list.</item>
/// </list>
/// A name the model lacks is a programming error and throws.
/// </summary>
public static partial class HtmlTemplates
{
    private const string Prefix = "Comintech.Dsr.Web.Templates.";

    private static readonly FrozenDictionary<string, string> Files = typeof(HtmlTemplates).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
        .ToFrozenDictionary(n => n[Prefix.Length..], n => EmbeddedResources.Text(n) is var text && text.EndsWith('\n') ? text[..^1] : text, StringComparer.Ordinal);

    /// <summary>The template files' names (e.g. <c>deletion-certificate.html</c>).</summary>
    public static IReadOnlyCollection<string> Names => Files.Keys;

    public static Html Render(string template, IReadOnlyDictionary<string, object?> model) =>
        new(Fill(template, Files.TryGetValue(template, out var text) ? text : throw new InvalidOperationException($"No template '{template}'."), [model]));

    /// <summary>Text as HTML (element content or a quoted attribute); other characters stay as they are, the documents being UTF-8.</summary>
    public static string Encode(string text) => new StringBuilder(text)
        .Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;").ToString();

    // One pass over the template: a value's text is never read as template syntax.
    private static string Fill(string template, string text, IReadOnlyList<IReadOnlyDictionary<string, object?>> scopes) =>
        Tag().Replace(text, m =>
        {
            var value = Lookup(template, m.Groups["name"].Value, scopes);
            if (!m.Groups["body"].Success)
            {
                return value switch
                {
                    null => "",
                    Html html => html.Value,
                    string s => Encode(s),
                    IFormattable f => Encode(f.ToString(null, CultureInfo.InvariantCulture)),
                    var other => Encode(other.ToString() ?? ""),
                };
            }

            var body = m.Groups["body"].Value;
            if (m.Groups["op"].Value == "^")
            {
                return IsEmpty(value) ? Fill(template, body, scopes) : "";
            }

            return value is IEnumerable<IReadOnlyDictionary<string, object?>> items
                ? string.Concat(items.Select(item => Fill(template, body, [item, .. scopes])))
                : IsEmpty(value) ? "" : Fill(template, body, scopes);
        });

    private static object? Lookup(string template, string name, IReadOnlyList<IReadOnlyDictionary<string, object?>> scopes)
    {
        foreach (var scope in scopes)
        {
            if (scope.TryGetValue(name, out var value))
            {
                return value;
            }
        }

        throw new InvalidOperationException($"Template '{template}' has no value for '{name}'.");
    }

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        bool b => !b,
        string s => s.Length == 0,
        Html h => h.Value.Length == 0,
        IEnumerable e => !e.Cast<object>().Any(),
        _ => false,
    };

    [GeneratedRegex(@"\{\{(?<op>[#^])(?<name>[A-Za-z][A-Za-z0-9.]*)\}\}(?<body>.*?)\{\{/\k<name>\}\}|\{\{(?<name>[A-Za-z][A-Za-z0-9.]*)\}\}", RegexOptions.Singleline)]
    private static partial Regex Tag();
}

/// <summary>A model for <see cref="HtmlTemplates.Render"/>: names to values (strings, numbers, <see cref="Html"/>, booleans, lists of models).</summary>
public sealed class TemplateModel() : Dictionary<string, object?>(StringComparer.Ordinal);
