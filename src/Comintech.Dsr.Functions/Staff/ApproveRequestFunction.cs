using Comintech.Dsr.Functions.Http;
using Comintech.Dsr.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Comintech.Dsr.Functions.Staff;

/// <summary>POST /api/staff/requests/{id}/approve: lets a request through the approval gate.</summary>
public sealed class ApproveRequestFunction(StaffActionHandlers actions)
{
    [Function(nameof(ApproveRequestFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/staff/requests/{id}/approve")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await actions.ApproveAsync(request, id, client));
}
