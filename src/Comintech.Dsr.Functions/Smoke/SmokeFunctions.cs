using Comintech.Dsr.Smoke;

namespace Comintech.Dsr.Functions.Smoke;

/// <summary>The smoke routes (<see cref="SmokeHttpHandlers"/>): off unless <c>Dsr:Smoke:Key</c> is set.</summary>
public sealed class SmokeFunctions(SmokeHttpHandlers smoke)
{
    [Function("StartSmokeRequestFunction")]
    public async Task<IActionResult> Start(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/smoke/requests")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await smoke.StartAsync(request, client));

    [Function("VerifySmokeRequestFunction")]
    public async Task<IActionResult> Verify(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/smoke/requests/{id}/verify")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await smoke.VerifyAsync(request, id, client));
}
