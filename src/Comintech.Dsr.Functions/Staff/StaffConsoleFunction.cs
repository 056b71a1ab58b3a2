using Comintech.Dsr.Functions.Http;
using Comintech.Dsr.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Comintech.Dsr.Functions.Staff;

/// <summary>GET /staff: the compliance staff console (an HTML shell; its data comes from the staff API).</summary>
public sealed class StaffConsoleFunction
{
    [Function(nameof(StaffConsoleFunction))]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff")] HttpRequest request) =>
        new ResultAction(StaffConsolePage.Page());
}
