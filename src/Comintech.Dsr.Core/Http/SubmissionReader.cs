using System.Text.Json;

namespace Comintech.Dsr.Http;

/// <summary>Turns a JSON or form body into plain fields plus the corrections map; malformed input becomes field errors.</summary>
public static class SubmissionReader
{
    private static readonly string[] StringFields = ["type", "email", "fullName", "jurisdiction", "accountId", "language", "details", "code", "identityToken"];

    public static (Dictionary<string, string?> Fields, Dictionary<string, string> Corrections) FromForm(string body, Dictionary<string, List<string>> errors)
    {
        var form = BoundedBody.ReadForm(body, errors);
        var fields = StringFields.ToDictionary(f => f, f => form.GetValueOrDefault(f), StringComparer.Ordinal);
        var corrections = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in form)
        {
            var field = key switch
            {
                _ when key.StartsWith("corrections[", StringComparison.Ordinal) && key.EndsWith(']') => key["corrections[".Length..^1],
                _ when key.StartsWith("corrections.", StringComparison.Ordinal) => key["corrections.".Length..],
                _ => null,
            };
            if (field is not null)
            {
                corrections[field] = value;
            }
        }

        return (fields, corrections);
    }

    public static (Dictionary<string, string?> Fields, Dictionary<string, string> Corrections) FromJson(string body, Dictionary<string, List<string>> errors)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        var corrections = new Dictionary<string, string>(StringComparer.Ordinal);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException ex)
        {
            errors["body"] = [$"Malformed JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1})."];
            return (fields, corrections);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors["body"] = ["The body must be a JSON object."];
                return (fields, corrections);
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.NameEquals("corrections"))
                {
                    ReadCorrections(property.Value, corrections, errors);
                }
                else if (StringFields.Contains(property.Name, StringComparer.Ordinal))
                {
                    if (property.Value.ValueKind is JsonValueKind.String)
                    {
                        fields[property.Name] = property.Value.GetString();
                    }
                    else if (property.Value.ValueKind is not JsonValueKind.Null)
                    {
                        errors[property.Name] = ["Must be a string."];
                    }
                }
            }
        }

        return (fields, corrections);
    }

    private static void ReadCorrections(JsonElement value, Dictionary<string, string> corrections, Dictionary<string, List<string>> errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors["corrections"] = ["Must be an object of field name to new value."];
            return;
        }

        foreach (var item in value.EnumerateObject())
        {
            if (item.Value.ValueKind != JsonValueKind.String)
            {
                errors[$"corrections.{item.Name}"] = ["Must be a string."];
                continue;
            }

            corrections[item.Name] = item.Value.GetString()!;
        }
    }
}
