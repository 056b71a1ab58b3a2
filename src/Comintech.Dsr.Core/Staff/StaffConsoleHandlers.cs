namespace Comintech.Dsr.Staff;

/// <summary>
/// The staff console's own routes: the to-do list, and downloads of a request's deletion certificate (HTML or JSON)
/// and access package (the zip the person gets). Every route authenticates first; a download is audited (the package
/// holds the person's data).
/// </summary>
public sealed class StaffConsoleHandlers(StaffAuthenticator authenticator, RequestStore requests, DsrStorage storage, StaffTodoService todo, StaffAuditLog audit)
{
    public const string DownloadCertificateAction = "download-certificate";
    public const string DownloadPackageAction = "download-package";

    /// <summary>GET /api/staff/todo: what needs a person today (see <see cref="StaffTodoService"/>).</summary>
    public async Task<IResult> TodoAsync(HttpRequest http) => authenticator.Authenticate(http) is null
        ? StaffProblems.Unauthorized()
        : Results.Ok(await todo.ListAsync(http.HttpContext.RequestAborted));

    /// <summary>GET /api/staff/requests/{id}/certificate?format=html|json: the deletion certificate as issued (default HTML).</summary>
    public async Task<IResult> CertificateAsync(HttpRequest http, string requestId)
    {
        var format = http.Query["format"].ToString() is { Length: > 0 } asked ? asked : "html";
        if (format is not ("html" or "json"))
        {
            return Problems.Validation(new(StringComparer.Ordinal) { ["format"] = ["html or json."] });
        }

        var (name, contentType) = format == "json"
            ? (DeletionCertificates.JsonName, "application/json")
            : (DeletionCertificates.HtmlName, "text/html; charset=utf-8");
        return await DownloadAsync(
            http, requestId, DownloadCertificateAction, storage.EvidenceDocuments.GetBlobClient($"{requestId}/{name}"), contentType, $"{requestId}-{name}",
            "No certificate", "This request has no deletion certificate (only a closed deletion has one).");
    }

    /// <summary>GET /api/staff/requests/{id}/package: the access package as the person gets it, while it is kept.</summary>
    public Task<IResult> PackageAsync(HttpRequest http, string requestId) => DownloadAsync(
        http, requestId, DownloadPackageAction, storage.AccessPackages.GetBlobClient(AccessPackages.BlobName(requestId)), "application/zip",
        $"comintech-data-{requestId}.zip", "No access package", "This request has no access package (not an access request, not built yet, or removed after its link expired).");

    private async Task<IResult> DownloadAsync(
        HttpRequest http, string requestId, string action, Azure.Storage.Blobs.BlobClient blob, string contentType, string fileName, string missingTitle, string missingDetail)
    {
        var access = await authenticator.AuthenticateForRequestAsync(requests, http, requestId);
        if (access.Denied)
        {
            return access.Failure;
        }

        var cancellationToken = http.HttpContext.RequestAborted;
        try
        {
            var content = (await blob.DownloadContentAsync(cancellationToken)).Value.Content;
            await audit.AppendAsync(access.Staff, action, requestId, null, cancellationToken);
            return Results.File(content.ToArray(), contentType, fileName);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return Problems.Status(StatusCodes.Status404NotFound, missingTitle, missingDetail);
        }
    }
}
