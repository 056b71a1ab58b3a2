using Comintech.Dsr.Functions.Http;
using Comintech.Dsr.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Comintech.Dsr.Functions.Staff;

/// <summary>GET /api/staff/requests/{id}: timeline, stores, evidence with the chain check, audit.</summary>
public sealed class GetStaffRequestFunction(StaffQueryHandlers queries)
{
    [Function(nameof(GetStaffRequestFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/staff/requests/{id}")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await queries.DetailAsync(request, id, client));
}
