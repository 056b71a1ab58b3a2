using Microsoft.AspNetCore.WebUtilities;

namespace Comintech.Dsr.Http;

public enum BodyKind
{
    Json,
    Form,
}

/// <summary>Reads a request body of a known kind, refusing anything over the size limit before parsing it.</summary>
public static class BoundedBody
{
    public const int MaxBytes = 64 * 1024;

    public static BodyKind? KindOf(HttpRequest request)
    {
        var type = request.ContentType?.Split(';')[0].Trim();
        if (type is null)
        {
            return null;
        }

        if (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        {
            return BodyKind.Json;
        }

        return type.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) ? BodyKind.Form : null;
    }

    /// <returns>The body as text, or null when it is larger than <see cref="MaxBytes"/>.</returns>
    public static async Task<string?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        var buffer = new byte[MaxBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        return total > MaxBytes ? null : Encoding.UTF8.GetString(buffer, 0, total);
    }

    /// <summary>A JSON or form body within the size limit, or the 415 / 413 problem to answer instead.</summary>
    public static async Task<((BodyKind Kind, string Text)? Body, IResult? Failure)> ReadKnownAsync(HttpRequest request)
    {
        var kind = KindOf(request);
        if (kind is null)
        {
            return (null, Problems.UnsupportedMediaType());
        }

        var text = await ReadAsync(request, request.HttpContext.RequestAborted);
        return text is null ? (null, Problems.TooLarge()) : ((kind.Value, text), null);
    }

    /// <summary>
    /// The fields of a form body; a body over the reader's limits (a key over 2,048 characters, more than 1,024 fields)
    /// adds an error for <c>body</c> instead, so it is answered 400.
    /// </summary>
    public static Dictionary<string, string> ReadForm(string body, Dictionary<string, List<string>> errors)
    {
        try
        {
            return new FormReader(body).ReadForm().ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        }
        catch (InvalidDataException)
        {
            errors["body"] = ["Malformed form: a key, a value or the number of fields is over the limit."];
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }
    }
}
