namespace Comintech.Dsr.Domain;

/// <summary>
/// A table of texts in every supported language, kept as data: one embedded JSON file a language, named
/// <c>{table}.{language}.json</c> in a <c>Texts</c> folder (the csproj embeds them), read into <typeparamref name="T"/>.
/// Every language must give every key of <typeparamref name="T"/> and no other, and, key by key, the same
/// <c>{placeholders}</c> as English; a table that does not is refused, naming the file and the key.
/// </summary>
public sealed class Translations<T>
    where T : class
{
    private const string ResourcePrefix = "Comintech.Dsr.Texts.";

    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private readonly FrozenDictionary<string, T> byLanguage;

    /// <summary>Reads the embedded files of <paramref name="table"/>, one for each of <see cref="Languages.All"/>.</summary>
    public Translations(string table)
        : this(table, Languages.All.ToDictionary(language => language, language => EmbeddedResources.Text($"{ResourcePrefix}{table}.{language}.json")))
    {
    }

    /// <summary>A table from its files' JSON, by language; English is the reference the others are held to.</summary>
    internal Translations(string table, IReadOnlyDictionary<string, string> jsonByLanguage)
    {
        var reference = Placeholders(jsonByLanguage[Languages.English]);
        byLanguage = jsonByLanguage.ToFrozenDictionary(p => p.Key, p => Read($"{table}.{p.Key}.json", p.Value, reference), StringComparer.Ordinal);
    }

    /// <summary>The texts in <paramref name="language"/>; English for a language the system is not written in.</summary>
    public T For(string? language) => byLanguage[Languages.Normalise(language)];

    private static T Read(string file, string json, IReadOnlyDictionary<string, string> reference)
    {
        var placeholders = Placeholders(json);
        var wrong = reference.Keys.Union(placeholders.Keys)
            .Where(key => !reference.TryGetValue(key, out var expected) || !placeholders.TryGetValue(key, out var actual) || expected != actual)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (wrong.Count > 0)
        {
            throw new InvalidOperationException(
                $"Texts {file}: {string.Join(", ", wrong)} must be present with the same placeholders as in English ({string.Join("; ", wrong.Select(k => $"{k}: {reference.GetValueOrDefault(k, "absent")}"))}).");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, Strict) ?? throw new JsonException("The file holds null.");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"Texts {file} do not match {typeof(T).Name}: {e.Message}", e);
        }
    }

    /// <summary>Each text's path in the file (<c>outcomes.Done</c>, <c>gdprRights[2]</c>) with its placeholder names, sorted.</summary>
    private static Dictionary<string, string> Placeholders(string json)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json);
        Walk(document.RootElement, "");
        return found;

        void Walk(JsonElement element, string path)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}");
                    }

                    break;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        Walk(item, $"{path}[{index++}]");
                    }

                    break;
                default:
                    found[path] = string.Join(" ", TextTemplate.Names(element.ToString()).Order(StringComparer.Ordinal));
                    break;
            }
        }
    }
}

/// <summary>A text with named placeholders (<c>{type}</c>), filled in one pass: a value's own braces are never read as placeholders.</summary>
public static partial class TextTemplate
{
    public static string Fill(string template, params ReadOnlySpan<(string Name, object? Value)> values)
    {
        var given = new Dictionary<string, string>(values.Length, StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            given[name] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        }

        return Placeholder().Replace(template, m => given.TryGetValue(m.Groups["name"].Value, out var value)
            ? value
            : throw new InvalidOperationException($"No value for the placeholder {m.Value} in \"{template}\"."));
    }

    /// <summary>The placeholder names in <paramref name="template"/>, each once.</summary>
    public static IEnumerable<string> Names(string template) => Placeholder().Matches(template).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal);

    [GeneratedRegex(@"\{(?<name>[A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Placeholder();
}

/// <summary>Files embedded in this assembly, as a stream or as text.</summary>
internal static class EmbeddedResources
{
    public static Stream Open(string resource) =>
        typeof(EmbeddedResources).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"No embedded resource '{resource}'.");

    public static string Text(string resource)
    {
        using var reader = new StreamReader(Open(resource), Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
