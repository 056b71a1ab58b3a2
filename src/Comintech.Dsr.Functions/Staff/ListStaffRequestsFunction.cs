using Comintech.Dsr.Functions.Http;
using Comintech.Dsr.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Comintech.Dsr.Functions.Staff;

/// <summary>GET /api/staff/requests: requests with filters, most urgent first.</summary>
public sealed class ListStaffRequestsFunction(StaffQueryHandlers queries)
{
    [Function(nameof(ListStaffRequestsFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/staff/requests")] HttpRequest request) =>
        new ResultAction(await queries.ListAsync(request));
}
