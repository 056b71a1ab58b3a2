using Comintech.Dsr.Functions.Http;
using Comintech.Dsr.Intake;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Comintech.Dsr.Functions.Intake;

/// <summary>POST /api/requests: JSON or the website form.</summary>
public sealed class SubmitRequestFunction(RequestHttpHandlers handlers)
{
    [Function(nameof(SubmitRequestFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/requests")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await handlers.SubmitAsync(request, client));
}
