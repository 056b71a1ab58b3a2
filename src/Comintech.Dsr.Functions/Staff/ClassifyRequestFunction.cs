namespace Comintech.Dsr.Functions.Staff;

/// <summary>POST /api/staff/requests/{id}/classify: staff give a NeedsTriage e-mail request its type.</summary>
public sealed class ClassifyRequestFunction(StaffTriageHandlers triage)
{
    [Function(nameof(ClassifyRequestFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/staff/requests/{id}/classify")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await triage.ClassifyAsync(request, id, client));
}
