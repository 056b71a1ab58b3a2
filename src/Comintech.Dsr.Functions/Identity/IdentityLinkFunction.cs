namespace Comintech.Dsr.Functions.Identity;

/// <summary>POST /api/requests/{id}/identity: the person presents a control-panel link to bind their account (tier 2).</summary>
public sealed class IdentityLinkFunction(IdentityHttpHandlers handlers)
{
    [Function(nameof(IdentityLinkFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/requests/{id}/identity")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await handlers.PresentLinkAsync(request, id, client));
}
