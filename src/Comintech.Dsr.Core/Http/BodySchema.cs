namespace Comintech.Dsr.Http;

/// <summary>The body a route reads: its media types and schema, and whether it may be left out.</summary>
public sealed record RouteBody(IReadOnlyList<string> MediaTypes, JsonObject Schema, bool Required = true)
{
    public const string Json = "application/json";
    public const string Form = "application/x-www-form-urlencoded";
    public const string Multipart = "multipart/form-data";

    /// <summary>A typed body: JSON or a form (<see cref="BodyFields"/> reads both alike).</summary>
    public static RouteBody Of<T>(bool required = true)
        where T : class, IRequestBody<T> => new([Json, Form], BodySchema.Of<T>(), required);
}

/// <summary>How a typed body reads a field (<see cref="BodyFields"/>' accessors), and so the field's JSON type.</summary>
public enum BodyFieldShape
{
    /// <summary>Read as given (<see cref="BodyFields.Raw"/>): any JSON value.</summary>
    Any,

    /// <summary>Read by <see cref="BodyFields.Text"/>: a string, or a number or boolean taken as its text.</summary>
    Text,
    String,
    Id,
    Map,
    Array,
}

/// <summary>Records the fields a typed body reads, handing each the same stand-in value.</summary>
internal sealed class BodyFieldProbe(string? standIn)
{
    public string? StandIn => standIn;

    public List<(string Name, BodyFieldShape Shape)> Fields { get; } = [];

    public void Read(string name, BodyFieldShape shape) => Fields.Add((name, shape));
}

/// <summary>
/// The JSON Schema of a typed body (<see cref="IRequestBody{TSelf}"/>), taken from its own <c>Read</c> (and
/// <see cref="IValidatedRequestBody.Check"/>): once with no
/// fields (what it then refuses is required) and once with every field unusable (what it says of each is the field's
/// description). So the description cannot drift from the validation.
/// </summary>
public static class BodySchema
{
    /// <summary>Too long and of no type any body accepts.</summary>
    private static readonly string Unusable = new('~', BoundedBody.MaxBytes + 1);

    private const string IdPattern = "^[A-Za-z0-9._:-]{1,100}$";

    public static JsonObject Of<T>()
        where T : class, IRequestBody<T>
    {
        var (empty, required) = Probe<T>(null);
        var (unusable, rules) = Probe<T>(Unusable);
        var properties = new JsonObject();
        foreach (var field in empty.Concat(unusable).GroupBy(f => f.Name, StringComparer.Ordinal))
        {
            var property = Property(field.Select(f => f.Shape).ToHashSet());
            var said = required.GetValueOrDefault(field.Key, []).Concat(rules.GetValueOrDefault(field.Key, [])).Distinct(StringComparer.Ordinal).ToList();
            if (said.Count > 0)
            {
                property["description"] = string.Join(" ", said);
            }

            properties[field.Key] = property;
        }

        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        var names = required.Keys.Where(name => properties.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
        if (names.Count > 0)
        {
            schema["required"] = new JsonArray([.. names.Select(name => JsonValue.Create(name))]);
        }

        return schema;
    }

    private static (List<(string Name, BodyFieldShape Shape)> Fields, Dictionary<string, List<string>> Errors) Probe<T>(string? standIn)
        where T : class, IRequestBody<T>
    {
        var probe = new BodyFieldProbe(standIn);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (T.Read(BodyFields.Probing(probe), errors) is IValidatedRequestBody validated && errors.Count == 0)
        {
            validated.Check(errors);
        }

        return (probe.Fields, errors);
    }

    private static JsonObject Property(HashSet<BodyFieldShape> shapes) => shapes switch
    {
        _ when shapes.Contains(BodyFieldShape.Id) => new() { ["type"] = "string", ["pattern"] = IdPattern },
        _ when shapes.Contains(BodyFieldShape.Map) => new() { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "string" } },
        _ when shapes.Contains(BodyFieldShape.Array) => new() { ["type"] = "array" },
        _ when shapes.Contains(BodyFieldShape.String) => new() { ["type"] = "string" },
        _ when shapes.Contains(BodyFieldShape.Text) => new() { ["type"] = new JsonArray("string", "number", "boolean") },
        _ => [],
    };
}
