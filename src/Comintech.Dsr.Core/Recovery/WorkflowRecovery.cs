namespace Comintech.Dsr.Recovery;

public enum RestartResult
{
    Restarted,
    NotFailed,
}

/// <summary>What one reconciliation pass found and did.</summary>
public sealed record ReconcileReport(int Examined, int Started, int FailedFound, int Repaired);

/// <summary>
/// Staff restart of a request whose orchestration failed, and the reconciliation the engine runs at start (and staff on
/// demand): no request stays silently stuck, and a record that disagrees with its finished orchestration is repaired.
/// </summary>
public sealed class WorkflowRecovery(
    RequestStore requests,
    WorkflowFailures failures,
    VerificationService verification,
    EvidenceLedger evidence,
    IntakeService intake,
    StoreActionRunner runner,
    WorkflowRepair repair,
    IOptions<VerificationOptions> codes,
    IOptions<RetentionOptions> retention,
    TimeProvider clock)
{
    /// <summary>
    /// Starts a failed request's workflow again under the same id. Every step is idempotent, so the steps already done
    /// are skipped; a verification or an approval decision already recorded is handed to the new run at once.
    /// </summary>
    public async Task<RestartResult> RestartAsync(DsrRequest request, DurableTaskClient client, string actor, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(request.Id, getInputsAndOutputs: true, cancellationToken);
        if (instance is not { RuntimeStatus: OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated }
            && !(instance is null && request.Status == RequestStatus.Received))
        {
            return RestartResult.NotFailed;
        }

        if (instance?.ReadInputAs<DsrOrchestrationInput>() is { } input)
        {
            var window = (clock.GetUtcNow() + codes.Value.Window).UtcDateTime;
            var verificationDeadline = input.VerificationDeadlineUtc > window ? input.VerificationDeadlineUtc : window;
            if (input.ExpiryBySweep)
            {
                await intake.FileVerificationExpiryAsync(request.Id, request.Type, verificationDeadline, cancellationToken);
            }

            await client.PurgeInstanceAsync(request.Id, cancellation: cancellationToken);
            await client.ScheduleNewOrchestrationInstanceAsync(
                DsrRequestOrchestrator.Name,
                input with { VerificationDeadlineUtc = verificationDeadline, StoresInBatches = true, AcknowledgeWithCode = true },
                new StartOrchestrationOptions(request.Id),
                cancellationToken);
        }
        else
        {
            await intake.StartOrchestrationAsync(request.Id, request.Type, client, cancellationToken);
        }

        var verified = await verification.IsVerifiedAsync(request.Id, cancellationToken);
        if (verified)
        {
            await client.RaiseEventAsync(request.Id, DsrEvents.IdentityVerified, true, cancellationToken);
        }

        var records = await evidence.ReadAsync(request.Id, cancellationToken);
        var decision = records.LastOrDefault(r => r.Is(EvidenceEvents.ApprovalGranted) || r.Is(EvidenceEvents.ApprovalDenied))?.EventType;
        if (decision is not null)
        {
            await client.RaiseEventAsync(request.Id, DsrEvents.ApprovalDecided, decision == EvidenceEvents.ApprovalGranted.Name, cancellationToken);
        }

        var failure = await failures.FindAsync(request.Id, cancellationToken);
        await failures.MarkRestartedAsync(request.Id, cancellationToken);
        await evidence.AppendAsync(
            request.Id, WorkflowRestarted.Key(failure?.Number), new WorkflowRestarted(failure?.Number, failure?.Step, verified, decision), actor, cancellationToken);
        return RestartResult.Restarted;
    }

    /// <summary>How long a stored request is left to the intake that is still starting it before a pass starts it.</summary>
    public static readonly TimeSpan IntakeGrace = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Every request against its orchestration: a request stored but never started is started; a failed orchestration
    /// not yet reported is reported to staff; a finished orchestration whose request record is still open is repaired
    /// from its output and the connector run records, with a <c>request.reconciled</c> link saying so. It also makes
    /// sure the retention schedule (which purges finished orchestrations' history too) runs.
    /// </summary>

    public async Task<ReconcileReport> ReconcileAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        await Retention.RetentionOrchestrator.EnsureStartedAsync(client, retention.Value.Interval, cancellationToken);
        int examined = 0, started = 0, failed = 0, repaired = 0;
        await foreach (var request in requests.ListAsync(cancellationToken))
        {
            examined++;
            if (request.Status == RequestStatus.NeedsTriage)
            {
                continue;
            }

            var instance = await client.GetInstanceAsync(request.Id, getInputsAndOutputs: true, cancellationToken);
            switch (instance)
            {
                // A request received moments ago is still being started by its intake: only one left behind is started here.
                case null when request.Status == RequestStatus.Received && clock.GetUtcNow() - request.ReceivedAt > IntakeGrace:
                    await intake.ResumeAsync(request, client, cancellationToken);
                    await RecordAsync(request.Id, RequestReconciled.StartedKey, RequestReconciled.Started, cancellationToken);
                    started++;
                    break;
                case { RuntimeStatus: OrchestrationRuntimeStatus.Failed }:
                    if (await failures.FindAsync(request.Id, cancellationToken) is not { Restarted: false })
                    {
                        await repair.ReportFailureAsync(
                            request.Id, "orchestration", FailureReason.Of(instance.FailureDetails, FailureReason.OrchestrationFailed), cancellationToken);
                        failed++;
                    }

                    break;
                case { RuntimeStatus: OrchestrationRuntimeStatus.Completed } when instance.ReadOutputAs<DsrOrchestrationResult>() is { } result
                    && await DisagreesAsync(request, result, cancellationToken):
                    await repair.CloseAsync(request, result.Status, await OutcomesAsync(request, result, cancellationToken), cancellationToken);
                    await RecordAsync(
                        request.Id, RequestReconciled.ClosedKey(result.Status), RequestReconciled.Closed(request.Status, result.Status), cancellationToken);
                    repaired++;
                    break;
            }
        }

        return new ReconcileReport(examined, started, failed, repaired);
    }

    /// <summary>A finished workflow whose request is still open, or whose evidence lacks its completion or a store's outcome.</summary>
    private async Task<bool> DisagreesAsync(DsrRequest request, DsrOrchestrationResult result, CancellationToken cancellationToken)
    {
        if (!request.Status.IsFinal())
        {
            return true;
        }

        if (result.Status is not (RequestStatus.Completed or RequestStatus.CompletedWithExceptions))
        {
            return false;
        }

        var records = await evidence.ReadAsync(request.Id, cancellationToken);
        var evidenced = Fulfilment.Rerun.StoreOutcomes.Latest(records);
        return !records.Any(r => r.Is(EvidenceEvents.Completed)) || result.Stores.Any(s => !evidenced.ContainsKey(s.StoreId));
    }

    /// <summary>Each store's outcome as its connector run record keeps it (a confirmation or escalation first), else as the orchestration reported it.</summary>
    private async Task<IReadOnlyList<ConnectorOutcome>> OutcomesAsync(DsrRequest request, DsrOrchestrationResult result, CancellationToken cancellationToken)
    {
        var action = ConnectorActions.For(request.Type);
        var outcomes = new List<ConnectorOutcome>();
        foreach (var store in result.Stores)
        {
            var key = ConnectorRequest.KeyFor(request.Id, store.StoreId, action);
            var kept = await runner.EarlierAsync(request.Id, key + ".confirmed", cancellationToken)
                ?? await runner.EarlierAsync(request.Id, key + ".escalated", cancellationToken)
                ?? await runner.EarlierAsync(request.Id, key, cancellationToken);
            outcomes.Add(kept is { Kind: not OutcomeKind.Waiting } ? kept : new ConnectorOutcome(
                store.StoreId, action, Enum.Parse<OutcomeKind>(store.State), store.RecordsFound, store.RecordsAffected, store.Note, null, clock.GetUtcNow()));
        }

        return outcomes;
    }

    private Task RecordAsync(string requestId, EvidenceKey key, RequestReconciled details, CancellationToken cancellationToken) =>
        evidence.AppendAsync(requestId, key, details, "reconciliation", cancellationToken);
}
