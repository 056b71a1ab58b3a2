using Microsoft.AspNetCore.Http;

namespace Comintech.Dsr.Http;

/// <summary>Reads the flat fields of a staff route's body (JSON object or form), answering 413/415/400 as the public routes do.</summary>
public static class StaffBody
{
    public static async Task<(Dictionary<string, string?> Fields, IResult? Failure)> ReadAsync(HttpRequest http)
    {
        var kind = BoundedBody.KindOf(http);
        if (kind is null)
        {
            return ([], Problems.UnsupportedMediaType());
        }

        var text = await BoundedBody.ReadAsync(http, http.HttpContext.RequestAborted);
        if (text is null)
        {
            return ([], Problems.TooLarge());
        }

        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var fields = kind == BodyKind.Json ? SubmissionReader.FromJson(text, errors).Fields : SubmissionReader.FromForm(text).Fields;
        return errors.Count > 0 ? ([], Problems.Validation(errors)) : (fields, null);
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
