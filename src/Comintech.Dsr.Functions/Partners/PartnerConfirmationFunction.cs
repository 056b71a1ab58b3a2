namespace Comintech.Dsr.Functions.Partners;

/// <summary>POST /api/partners/{partnerId}/confirmations: a partner confirms its part, authenticated by its HMAC signature.</summary>
public sealed class PartnerConfirmationFunction(WaitingStoreHttpHandlers handlers)
{
    [Function(nameof(PartnerConfirmationFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/partners/{partnerId}/confirmations")] HttpRequest request,
        string partnerId,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await handlers.PartnerConfirmationAsync(request, partnerId, client));
}
