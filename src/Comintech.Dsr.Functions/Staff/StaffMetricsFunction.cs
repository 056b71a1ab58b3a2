using Comintech.Dsr.Functions.Http;
using Comintech.Dsr.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Comintech.Dsr.Functions.Staff;

/// <summary>GET /api/staff/metrics: counts and median days per request type.</summary>
public sealed class StaffMetricsFunction(StaffQueryHandlers queries)
{
    [Function(nameof(StaffMetricsFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/staff/metrics")] HttpRequest request) =>
        new ResultAction(await queries.MetricsAsync(request));
}
