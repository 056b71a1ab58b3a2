using Comintech.Dsr.Connectors.Backups;

namespace Comintech.Dsr.Functions.Staff;

/// <summary>POST /api/staff/backups/restored: re-apply ledgered erasures to a restored store (the handler authenticates staff).</summary>
public sealed class BackupRestoredFunction(BackupHttpHandlers handlers)
{
    [Function(nameof(BackupRestoredFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/staff/backups/restored")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await handlers.RestoredAsync(request, client));
}
