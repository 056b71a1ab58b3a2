using Comintech.Dsr.Functions.Http;
using Comintech.Dsr.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Comintech.Dsr.Functions.Staff;

/// <summary>POST /api/staff/requests/{id}/stores/{storeId}/rerun: runs one failed store again without a new submission.</summary>
public sealed class RerunStoreFunction(StaffActionHandlers actions)
{
    [Function(nameof(RerunStoreFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/staff/requests/{id}/stores/{storeId}/rerun")] HttpRequest request,
        string id,
        string storeId,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await actions.RerunStoreAsync(request, id, storeId, client));
}
