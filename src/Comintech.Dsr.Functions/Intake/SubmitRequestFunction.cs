namespace Comintech.Dsr.Functions.Intake;

/// <summary>POST /api/requests: JSON or the website form.</summary>
public sealed class SubmitRequestFunction(RequestHttpHandlers handlers)
{
    [Function(nameof(SubmitRequestFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/requests")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await handlers.SubmitAsync(request, client));
}
