using Comintech.Dsr.Functions.Http;
using Comintech.Dsr.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Comintech.Dsr.Functions.Staff;

/// <summary>POST /api/staff/requests/{id}/extend: extends the deadline with a reasoned notice.</summary>
public sealed class ExtendDeadlineFunction(StaffActionHandlers actions)
{
    [Function(nameof(ExtendDeadlineFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/staff/requests/{id}/extend")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await actions.ExtendAsync(request, id, client));
}
