namespace Comintech.Dsr.Functions.Partners;

/// <summary>GET /api/partners/{partnerId}/confirmations/link: the form behind a partner's signed e-mail link.</summary>
public sealed class PartnerLinkFormFunction(PartnerLinkHttpHandlers handlers)
{
    [Function(nameof(PartnerLinkFormFunction))]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/partners/{partnerId}/confirmations/link")] HttpRequest request,
        string partnerId) =>
        new ResultAction(handlers.Form(request, partnerId));
}
