namespace Comintech.Dsr.StaffAccess;

/// <summary>
/// Staff POST routes take JSON only (a cross-site form or text/plain post cannot be made to look like one without a
/// CORS preflight, which nothing here allows) and refuse a browser's post from another origin.
/// </summary>
public static class StaffRequestGuard
{
    public static IResult? Refusal(HttpRequest request, string publicBaseUrl)
    {
        if (!HttpMethods.IsPost(request.Method) || !request.Path.StartsWithSegments("/api/staff"))
        {
            return null;
        }

        if (request.ContentType is { Length: > 0 } && BoundedBody.KindOf(request) != BodyKind.Json)
        {
            return Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", "Staff routes take application/json.");
        }

        var origin = request.Headers.Origin.ToString();
        var crossSite = request.Headers["Sec-Fetch-Site"].ToString().Equals("cross-site", StringComparison.OrdinalIgnoreCase);
        if (crossSite || (origin.Length > 0 && !SameOrigin(origin, $"{request.Scheme}://{request.Host}") && !SameOrigin(origin, publicBaseUrl)))
        {
            return Problems.Status(StatusCodes.Status403Forbidden, "Cross-origin post refused", "Staff actions are taken from the staff console only.");
        }

        return null;
    }

    private static bool SameOrigin(string origin, string url) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var a) && Uri.TryCreate(url, UriKind.Absolute, out var b)
        && string.Equals(a.GetLeftPart(UriPartial.Authority), b.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
}
