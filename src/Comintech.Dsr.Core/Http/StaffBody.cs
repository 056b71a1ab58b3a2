using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Comintech.Dsr.Http;

/// <summary>Reads the flat fields of a staff route's body (JSON object or form), answering 413/415/400 as the public routes do.</summary>
public static class StaffBody
{
    /// <summary>The one field that may hold a JSON array (attached records); it is kept as its JSON text, as a form gives it.</summary>
    public const string RecordsField = "records";

    /// <param name="alreadyRead">The body's text when the caller read it already (e.g. to check a signature).</param>
    public static async Task<(Dictionary<string, string?> Fields, IResult? Failure)> ReadAsync(HttpRequest http, string? alreadyRead = null)
    {
        var kind = BoundedBody.KindOf(http);
        if (kind is null)
        {
            return ([], Problems.UnsupportedMediaType());
        }

        var text = alreadyRead ?? await BoundedBody.ReadAsync(http, http.HttpContext.RequestAborted);
        if (text is null)
        {
            return ([], Problems.TooLarge());
        }

        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var fields = kind == BodyKind.Form
            ? BoundedBody.ReadForm(text, errors).ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal)
            : FromJson(text, errors);
        return errors.Count > 0 ? ([], Problems.Validation(errors)) : (fields, null);
    }

    /// <summary>A flat JSON object: strings as they are, numbers and booleans as their text.</summary>
    private static Dictionary<string, string?> FromJson(string text, Dictionary<string, List<string>> errors)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 4 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors["body"] = ["The body must be a JSON object."];
                return fields;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.String:
                        fields[property.Name] = property.Value.GetString();
                        break;
                    case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                        fields[property.Name] = property.Value.GetRawText();
                        break;
                    case JsonValueKind.Null:
                        break;
                    case JsonValueKind.Array when property.Name == RecordsField:
                        fields[property.Name] = property.Value.GetRawText();
                        break;
                    default:
                        errors[property.Name] = ["Must be a string or a number."];
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            errors["body"] = [$"Malformed JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1})."];
        }

        return fields;
    }

    /// <summary>A required id-like field: 1-100 letters, digits and <c>. _ : -</c>.</summary>
    public static string? Id(Dictionary<string, string?> fields, string name, Dictionary<string, List<string>> errors)
    {
        var value = fields.GetValueOrDefault(name)?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > 100 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-'))
        {
            errors[name] = ["Required: 1-100 letters, digits and . _ : -"];
            return null;
        }

        return value;
    }
}
