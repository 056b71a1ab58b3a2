namespace Comintech.Dsr.Http;

/// <summary>
/// A typed request body: a record that declares its fields and their validation in <see cref="Read"/>. Both body
/// kinds (JSON object, form) reach it as the same <see cref="BodyFields"/>.
/// </summary>
public interface IRequestBody<TSelf>
    where TSelf : class, IRequestBody<TSelf>
{
    /// <returns>The body, or null with the reasons in <paramref name="errors"/> (field name to messages).</returns>
    static abstract TSelf? Read(BodyFields fields, Dictionary<string, List<string>> errors);
}

/// <summary>A typed body whose fields are checked further once read (against each other, against the domain's rules).</summary>
public interface IValidatedRequestBody
{
    /// <summary>Adds the reasons the body is refused to <paramref name="errors"/> (field name to messages).</summary>
    void Check(Dictionary<string, List<string>> errors);
}

/// <summary>Reads a typed body within the size limit, answering 415, 413 or 400 (problem+json) instead when it cannot.</summary>
public static class RequestBodies
{
    /// <param name="optional">No body at all (no content type, no length) reads as empty fields instead of a 415.</param>
    /// <param name="alreadyRead">The body's text when the caller read it already (e.g. to check a signature).</param>
    public static async Task<(T? Body, IResult? Failure)> ReadAsync<T>(HttpRequest http, bool optional = false, string? alreadyRead = null)
        where T : class, IRequestBody<T>
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        BodyFields fields;
        if (optional && alreadyRead is null && http.ContentLength is not > 0 && http.ContentType is null)
        {
            fields = BodyFields.Empty;
        }
        else
        {
            var kind = BoundedBody.KindOf(http);
            if (kind is null)
            {
                return (null, Problems.UnsupportedMediaType());
            }

            var text = alreadyRead ?? await BoundedBody.ReadAsync(http, http.HttpContext.RequestAborted);
            if (text is null)
            {
                return (null, Problems.TooLarge());
            }

            fields = BodyFields.Parse(kind.Value, text, errors);
        }

        var body = errors.Count == 0 ? T.Read(fields, errors) : null;
        return body is null || errors.Count > 0 ? (null, Problems.Validation(errors.Count > 0 ? errors : Unreadable())) : (body, null);
    }

    private static Dictionary<string, List<string>> Unreadable() => new(StringComparer.Ordinal) { ["body"] = ["The body could not be read."] };
}

/// <summary>
/// The fields of a JSON object or a form, as a typed body reads them: JSON strings as they are, numbers and booleans as
/// their text, arrays as their JSON text, objects of strings as maps (a form gives a map as <c>name[key]</c> or
/// <c>name.key</c> fields). A field of the wrong shape is an error only when a body reads it, so unknown fields pass.
/// </summary>
public sealed class BodyFields
{
    private const int MaxDepth = 8;
    private readonly Dictionary<string, string> values;
    private readonly Dictionary<string, JsonValueKind> kinds;
    private readonly Dictionary<string, Dictionary<string, string?>> maps;
    private readonly BodyFieldProbe? probe;

    private BodyFields(
        BodyKind kind, Dictionary<string, string> values, Dictionary<string, JsonValueKind> kinds, Dictionary<string, Dictionary<string, string?>> maps,
        BodyFieldProbe? probe = null) =>
        (Kind, this.values, this.kinds, this.maps, this.probe) = (kind, values, kinds, maps, probe);

    public static BodyFields Empty { get; } = new(BodyKind.Json, [], [], []);

    /// <summary>Fields that record what a typed body reads of them, each field holding the probe's stand-in value.</summary>
    internal static BodyFields Probing(BodyFieldProbe probe) => new(BodyKind.Json, [], [], [], probe);

    public BodyKind Kind { get; }

    /// <summary>The field as given (null when absent or JSON null); an array as its JSON text.</summary>
    public string? Raw(string name) => Value(name, BodyFieldShape.Any);

    /// <summary>True when the field was a JSON array.</summary>
    public bool IsArray(string name)
    {
        probe?.Read(name, BodyFieldShape.Array);
        return kinds.GetValueOrDefault(name) == JsonValueKind.Array;
    }

    /// <summary>A text field, trimmed; null when absent or blank. A number or boolean is taken as its text; an array or object is an error.</summary>
    public string? Text(string name, Dictionary<string, List<string>> errors)
    {
        if (kinds.GetValueOrDefault(name) is JsonValueKind.Array or JsonValueKind.Object)
        {
            errors[name] = ["Must be a string."];
            return null;
        }

        var value = Value(name, BodyFieldShape.Text)?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>Like <see cref="Text"/>, but a JSON number or boolean in its place is an error too.</summary>
    public string? String(string name, Dictionary<string, List<string>> errors)
    {
        if (kinds.GetValueOrDefault(name) is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
        {
            errors[name] = ["Must be a string."];
            return null;
        }

        probe?.Read(name, BodyFieldShape.String);
        return Text(name, errors);
    }

    /// <summary>A required id-like field: 1-100 letters, digits and <c>. _ : -</c>.</summary>
    public string? Id(string name, Dictionary<string, List<string>> errors)
    {
        var value = kinds.GetValueOrDefault(name) is JsonValueKind.Array or JsonValueKind.Object ? null : Value(name, BodyFieldShape.Id)?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > 100 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-'))
        {
            errors[name] = ["Required: 1-100 letters, digits and . _ : -"];
            return null;
        }

        return value;
    }

    /// <summary>A map of key to text (empty when absent): a JSON object of strings, or a form's <c>name[key]</c> / <c>name.key</c> fields.</summary>
    public Dictionary<string, string> Map(string name, Dictionary<string, List<string>> errors)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var asText = Value(name, BodyFieldShape.Map);
        if (maps.TryGetValue(name, out var given))
        {
            foreach (var (key, value) in given)
            {
                if (value is null)
                {
                    errors[$"{name}.{key}"] = ["Must be a string."];
                }
                else
                {
                    map[key] = value;
                }
            }
        }
        else if (asText is not null)
        {
            errors[name] = ["Must be an object of field name to new value."];
        }

        return map;
    }

    private string? Value(string name, BodyFieldShape shape)
    {
        if (probe is null)
        {
            return values.GetValueOrDefault(name);
        }

        probe.Read(name, shape);
        return probe.StandIn;
    }

    public static BodyFields Parse(BodyKind kind, string text, Dictionary<string, List<string>> errors) =>
        kind == BodyKind.Form ? FromForm(BoundedBody.ReadForm(text, errors)) : FromJson(text, errors);

    private static BodyFields FromForm(Dictionary<string, string> form)
    {
        var maps = new Dictionary<string, Dictionary<string, string?>>(StringComparer.Ordinal);
        foreach (var (key, value) in form)
        {
            var open = key.IndexOf('[', StringComparison.Ordinal);
            var (name, item) = open > 0 && key.EndsWith(']') ? (key[..open], key[(open + 1)..^1])
                : key.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot ? (key[..dot], key[(dot + 1)..])
                : (null, null);
            if (name is not null)
            {
                (maps.TryGetValue(name, out var map) ? map : maps[name] = new(StringComparer.Ordinal))[item!] = value;
            }
        }

        return new(BodyKind.Form, form, [], maps);
    }

    private static BodyFields FromJson(string text, Dictionary<string, List<string>> errors)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var kinds = new Dictionary<string, JsonValueKind>(StringComparer.Ordinal);
        var maps = new Dictionary<string, Dictionary<string, string?>>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = MaxDepth });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors["body"] = ["The body must be a JSON object."];
                return Empty;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                var value = property.Value;
                if (value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                kinds[property.Name] = value.ValueKind;
                fields[property.Name] = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
                if (value.ValueKind == JsonValueKind.Object)
                {
                    maps[property.Name] = value.EnumerateObject().ToDictionary(
                        item => item.Name, item => item.Value.ValueKind == JsonValueKind.String ? item.Value.GetString() : null, StringComparer.Ordinal);
                }
            }
        }
        catch (JsonException ex)
        {
            errors["body"] = [$"Malformed JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1})."];
        }

        return new(BodyKind.Json, fields, kinds, maps);
    }
}
