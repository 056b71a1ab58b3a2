using Comintech.Dsr.Connectors.Backups;
using Comintech.Dsr.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

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
