namespace Comintech.Dsr.Functions.Staff;

/// <summary>The staff recovery routes, bound to <see cref="StaffRecoveryHandlers"/>.</summary>
public sealed class StaffRecoveryFunctions(StaffRecoveryHandlers recovery)
{
    /// <summary>POST /api/staff/requests/{id}/restart: starts a failed workflow again (steps already done are skipped).</summary>
    [Function("RestartWorkflowFunction")]
    public async Task<IActionResult> Restart(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/staff/requests/{id}/restart")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await recovery.RestartAsync(request, id, client));

    /// <summary>POST /api/staff/reconcile: every request against its workflow, repairing what disagrees.</summary>
    [Function("ReconcileFunction")]
    public async Task<IActionResult> Reconcile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/staff/reconcile")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await recovery.ReconcileAsync(request, client));
}
