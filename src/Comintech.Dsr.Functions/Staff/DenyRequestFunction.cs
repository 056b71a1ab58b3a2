using Comintech.Dsr.Functions.Http;
using Comintech.Dsr.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Comintech.Dsr.Functions.Staff;

/// <summary>POST /api/staff/requests/{id}/deny: refuses a request with a reason sent to the person.</summary>
public sealed class DenyRequestFunction(StaffActionHandlers actions)
{
    [Function(nameof(DenyRequestFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/staff/requests/{id}/deny")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await actions.DenyAsync(request, id, client));
}
