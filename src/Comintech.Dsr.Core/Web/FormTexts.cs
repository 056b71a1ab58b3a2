namespace Comintech.Dsr.Web;

/// <summary>
/// The request form's texts in each language (<c>Web/Assets/form-texts.json</c>): the page's own words and, under
/// <c>script</c>, the messages its script shows. The page's language is <c>?lang=</c> when given, else the browser's
/// Accept-Language, else English.
/// </summary>
public sealed class FormTexts
{
    public const string Default = "en";

    private static readonly FrozenDictionary<string, FormTexts> All = Load();

    private FormTexts(string language, FrozenDictionary<string, string> texts, string scriptJson)
    {
        Language = language;
        Texts = texts;
        ScriptJson = scriptJson;
    }

    /// <summary>The languages the form is written in, English first.</summary>
    public static IReadOnlyList<string> Languages { get; } = [.. All.Keys.OrderBy(k => k == Default ? "" : k, StringComparer.Ordinal)];

    public string Language { get; }

    public IReadOnlyDictionary<string, string> Texts { get; }

    /// <summary>The script's messages as a JSON object.</summary>
    public string ScriptJson { get; }

    public string this[string key] => Texts[key];

    public string Or(string key, string fallback) => Texts.TryGetValue(key, out var text) ? text : fallback;

    public static FormTexts In(string language) => All[language];

    public static FormTexts For(HttpRequest http)
    {
        if (http.Query["lang"].ToString() is { Length: > 0 } asked && All.TryGetValue(asked.ToLowerInvariant(), out var chosen))
        {
            return chosen;
        }

        var accepted = http.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1);
        foreach (var entry in accepted)
        {
            var primary = entry.Value.Value?.Split('-')[0].ToLowerInvariant();
            if (primary is not null && All.TryGetValue(primary, out var texts))
            {
                return texts;
            }
        }

        return All[Default];
    }

    private static FrozenDictionary<string, FormTexts> Load()
    {
        using var document = JsonDocument.Parse(WebAssets.Text("form-texts.json"));
        return document.RootElement.EnumerateObject().ToFrozenDictionary(
            language => language.Name,
            language => new FormTexts(
                language.Name,
                language.Value.EnumerateObject()
                    .Where(p => p.Value.ValueKind == JsonValueKind.String)
                    .ToFrozenDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal),
                language.Value.GetProperty("script").GetRawText()),
            StringComparer.Ordinal);
    }
}
