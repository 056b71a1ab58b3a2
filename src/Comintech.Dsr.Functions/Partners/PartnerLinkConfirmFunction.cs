namespace Comintech.Dsr.Functions.Partners;

/// <summary>POST /api/partners/{partnerId}/confirmations/link: a partner confirms through its signed e-mail link.</summary>
public sealed class PartnerLinkConfirmFunction(PartnerLinkHttpHandlers handlers)
{
    [Function(nameof(PartnerLinkConfirmFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/partners/{partnerId}/confirmations/link")] HttpRequest request,
        string partnerId,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await handlers.ConfirmAsync(request, partnerId, client));
}
