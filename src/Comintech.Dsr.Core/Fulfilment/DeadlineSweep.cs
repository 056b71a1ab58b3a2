namespace Comintech.Dsr.Fulfilment;

/// <summary>
/// Acts on what <see cref="DeadlineIndex"/> holds due, run by each host's timer every <c>Dsr:Deadlines:SweepInterval</c>:
/// the deadline alerts (reminders, then the escalation once) and the end of verification windows. Per alert row: the
/// alert (idempotent: keyed evidence and mail), then the next point filed, then the row removed, so a sweep stopped
/// anywhere is finished by the next one without a second alert. A row filed for a deadline since extended is replaced
/// by the extended deadline's next point; a closed request's row is dropped. A verification window that ended with the
/// request still unverified is raised to its workflow as <see cref="DsrEvents.VerificationExpired"/> (a second raise,
/// after a stop, finds the workflow finished or ignores it).
/// </summary>
public sealed partial class DeadlineSweep(DeadlineIndex index, RequestStore requests, SendDeadlineAlertActivity alerts, ILogger<DeadlineSweep> logger)
{
    /// <param name="client">The engine's client, to raise the end of a verification window to the request's workflow.</param>
    /// <returns>The alerts sent and windows ended.</returns>
    public async Task<int> RunAsync(DateTime nowUtc, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var sent = 0;
        await foreach (var due in index.DueAsync(nowUtc, cancellationToken))
        {
            try
            {
                sent += await (due.Point is null ? ExpireAsync(due, nowUtc, client, cancellationToken) : HandleAsync(due, nowUtc, cancellationToken)) ? 1 : 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Left for the next sweep; one request's failure does not hold up the others.
                LogFailed(logger, due.RequestId, ex.GetType().Name);
            }
        }

        return sent;
    }

    private async Task<bool> HandleAsync(DueAlert due, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var request = await requests.FindAsync(due.RequestId, cancellationToken);
        if (request is null || request.Status.IsFinal())
        {
            await index.RemoveAsync(due, cancellationToken);
            return false;
        }

        // Compared to the second: the request row keeps its deadline at the table's precision.
        if (Math.Abs((request.DueAt.UtcDateTime - due.DueAtUtc).TotalSeconds) >= 1)
        {
            await index.FileAsync(request.Id, request.DueAt, nowUtc, cancellationToken);
            await index.RemoveAsync(due, cancellationToken);
            return false;
        }

        var point = due.Point!;
        var open = await alerts.RunAsync(point.AlertFor(request.Id, due.DueAtUtc), cancellationToken);
        if (open)
        {
            await index.FileAsync(request.Id, request.DueAt, point.At, cancellationToken);
        }

        await index.RemoveAsync(due, cancellationToken);
        return open;
    }

    private async Task<bool> ExpireAsync(DueAlert due, DateTime nowUtc, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var request = await requests.FindAsync(due.RequestId, cancellationToken);
        // A workflow restarted with a later window waits for the row filed for that one.
        var waiting = request?.Status is RequestStatus.Received or RequestStatus.AwaitingVerification
            && await client.GetInstanceAsync(due.RequestId, getInputsAndOutputs: true, cancellationToken) is
            { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending } instance
            && instance.ReadInputAs<DsrOrchestrationInput>() is { ExpiryBySweep: true } input
            && input.VerificationDeadlineUtc <= nowUtc;
        if (waiting)
        {
            await client.RaiseEventAsync(due.RequestId, DsrEvents.VerificationExpired, true, cancellationToken);
        }

        await index.RemoveAsync(due, cancellationToken);
        return waiting;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId}: its deadline alert or verification expiry failed ({Failure}); the next sweep tries again")]
    private static partial void LogFailed(ILogger logger, string requestId, string failure);
}
