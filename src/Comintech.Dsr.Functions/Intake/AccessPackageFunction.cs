namespace Comintech.Dsr.Functions.Intake;

/// <summary>GET /api/requests/{id}/package: the person's access package behind the signed, expiring e-mailed link.</summary>
public sealed class AccessPackageFunction(AccessPackageHttpHandlers handlers)
{
    [Function(nameof(AccessPackageFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/requests/{id}/package")] HttpRequest request,
        string id) =>
        new ResultAction(await handlers.DownloadAsync(request, id));
}
