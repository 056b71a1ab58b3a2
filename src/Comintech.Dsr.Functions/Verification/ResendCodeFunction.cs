using Comintech.Dsr.Functions.Http;
using Comintech.Dsr.Intake;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Comintech.Dsr.Functions.Verification;

/// <summary>POST /api/requests/{id}/resend: a new code, rate-limited.</summary>
public sealed class ResendCodeFunction(RequestHttpHandlers handlers)
{
    [Function(nameof(ResendCodeFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/requests/{id}/resend")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await handlers.ResendAsync(id, client, request.HttpContext.RequestAborted));
}
