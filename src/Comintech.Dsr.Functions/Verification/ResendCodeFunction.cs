namespace Comintech.Dsr.Functions.Verification;

/// <summary>POST /api/requests/{id}/resend: a new code, rate-limited.</summary>
public sealed class ResendCodeFunction(RequestHttpHandlers handlers)
{
    [Function(nameof(ResendCodeFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/requests/{id}/resend")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await handlers.ResendAsync(id, client, request.HttpContext.RequestAborted));
}
