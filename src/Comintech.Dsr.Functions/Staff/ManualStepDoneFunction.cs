namespace Comintech.Dsr.Functions.Staff;

/// <summary>POST /api/staff/requests/{id}/stores/{storeId}/done: staff mark a manual step done (the handler authenticates staff).</summary>
public sealed class ManualStepDoneFunction(WaitingStoreHttpHandlers handlers)
{
    [Function(nameof(ManualStepDoneFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/staff/requests/{id}/stores/{storeId}/done")] HttpRequest request,
        string id,
        string storeId,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await handlers.ManualStepDoneAsync(request, id, storeId, client));
}
