namespace Comintech.Dsr.Functions.Intake;

/// <summary>GET /api/requests/{id}: stage, status, dates and per-store progress; no personal data.</summary>
public sealed class GetRequestStatusFunction(RequestHttpHandlers handlers)
{
    [Function(nameof(GetRequestStatusFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/requests/{id}")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await handlers.StatusAsync(id, client, request.HttpContext.RequestAborted));
}
