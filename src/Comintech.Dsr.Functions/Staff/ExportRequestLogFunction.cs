using Comintech.Dsr.Functions.Http;
using Comintech.Dsr.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Comintech.Dsr.Functions.Staff;

/// <summary>GET /api/staff/export: the request log of the last 24 months as CSV.</summary>
public sealed class ExportRequestLogFunction(StaffQueryHandlers queries)
{
    [Function(nameof(ExportRequestLogFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/staff/export")] HttpRequest request) =>
        new ResultAction(await queries.ExportAsync(request));
}
