namespace Comintech.Dsr.Fulfilment.Access;

/// <summary>
/// GET /api/requests/{id}/package?expires=…&amp;signature=…: the person's access package behind the e-mailed link.
/// An expired or wrong link gets a page that says so in English and Spanish, never a storage error.
/// </summary>
public sealed class AccessPackageHttpHandlers(AccessPackages packages)
{
    public async Task<IResult> DownloadAsync(HttpRequest http, string id)
    {
        var query = http.Query;
        if (!RequestId.IsWellFormed(id) || !long.TryParse(query["expires"], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return Refused();
        }

        var (state, package) = await packages.OpenAsync(id, expires, query["signature"], http.HttpContext.RequestAborted);
        return state switch
        {
            PackageLinkState.Valid => Results.Stream(package!, "application/zip", $"comintech-data-{id}.zip"),
            PackageLinkState.Expired => Page(StatusCodes.Status410Gone, expired: true),
            _ => Refused(),
        };
    }

    private static IResult Refused() => Page(StatusCodes.Status403Forbidden, expired: false);

    /// <summary>The page for a link that no longer or never worked (<c>Web/Templates/package-link.html</c>, English and Spanish).</summary>
    private static IResult Page(int status, bool expired) =>
        WebAssets.Html(HtmlTemplates.Render("package-link.html", new TemplateModel { ["expired"] = expired }).Value, status);
}
