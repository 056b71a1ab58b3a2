namespace Comintech.Dsr.Http;

/// <summary>
/// Headers on every answer of both hosts: a Content-Security-Policy that runs only the app's own script and style
/// files (<c>'self'</c>, served at <c>/ui/</c>; nothing inline) and lets no one frame the pages, nosniff, no referrer, HSTS in Azure, and
/// <c>no-store</c> on the API and the console (staff answers, statuses, the access package).
/// </summary>
public static class SecurityHeaders
{
    public static readonly string ContentSecurityPolicy =
        "default-src 'self'; " +
        "script-src 'self'; style-src 'self'; " +
        "img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void Apply(HttpContext context, bool azure)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        if (azure)
        {
            headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
        }

        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/staff"))
        {
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
        }
    }
}
