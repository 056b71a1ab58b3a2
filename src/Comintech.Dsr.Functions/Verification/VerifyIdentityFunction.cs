namespace Comintech.Dsr.Functions.Verification;

/// <summary>POST /api/requests/{id}/verify with the e-mailed code.</summary>
public sealed class VerifyIdentityFunction(RequestHttpHandlers handlers)
{
    [Function(nameof(VerifyIdentityFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/requests/{id}/verify")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await handlers.VerifyAsync(request, id, client));
}
