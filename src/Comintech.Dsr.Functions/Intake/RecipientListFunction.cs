using Comintech.Dsr.Recipients;

namespace Comintech.Dsr.Functions.Intake;

/// <summary>GET /api/requests/{id}/recipients: the recipients told of the request and those the data map declares.</summary>
public sealed class RecipientListFunction(RecipientListHandler handler)
{
    [Function(nameof(RecipientListFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/requests/{id}/recipients")] HttpRequest request,
        string id) =>
        new ResultAction(await handler.ListAsync(id, request.HttpContext.RequestAborted));
}
