namespace Comintech.Dsr.Functions.Identity;

/// <summary>POST /api/staff/requests/{id}/identity/bind: staff bind an account after matching data points on record (audited).</summary>
public sealed class StaffBindIdentityFunction(IdentityHttpHandlers handlers)
{
    [Function(nameof(StaffBindIdentityFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/staff/requests/{id}/identity/bind")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await handlers.StaffBindAsync(request, id, client));
}
