namespace Comintech.Dsr.Intake;

/// <summary>
/// How a request arrived. <paramref name="ReceivedAt"/>: when it reached us (default: now, the clock starts at intake).
/// <paramref name="RequestId"/>: a pre-assigned id, which makes a repeated intake of the same message a no-op.
/// <paramref name="SuggestedClassification"/>: set for a request staff must classify; it is stored as NeedsTriage and
/// its orchestration waits for <see cref="IntakeService.StartOrchestrationAsync"/>.
/// <paramref name="ProvenIdentity"/>: an account proven at submission (a control-panel link), bound at tier 2 once the code is verified.
/// <paramref name="GlobalPrivacyControl"/>: the submission carried <c>Sec-GPC: 1</c> (CCPA regulations §7025); kept as evidence.
/// </summary>
public sealed record IntakeReceipt(
    IntakeChannel Channel,
    DateTimeOffset? ReceivedAt = null,
    string? RequestId = null,
    string? SuggestedClassification = null,
    IdentityState? ProvenIdentity = null,
    bool GlobalPrivacyControl = false)
{
    public bool NeedsTriage => SuggestedClassification is not null;
}

/// <summary>
/// Accepts a validated request from any channel: stores it (the clock starts at receipt), records receipt as evidence,
/// and starts its orchestration with the request id as instance id (so a retried start cannot start two).
/// </summary>
public sealed partial class IntakeService(
    RequestStore requests, EvidenceLedger evidence, IOptions<DeadlineOptions> deadlines, IOptions<VerificationOptions> verification, IOptions<ApprovalOptions> approval, TimeProvider clock, ILogger<IntakeService> logger)
{
    public Task<DsrRequest> SubmitAsync(RequestSubmission submission, IntakeChannel channel, DurableTaskClient client, CancellationToken cancellationToken) =>
        SubmitAsync(submission, new IntakeReceipt(channel), client, cancellationToken);

    public async Task<DsrRequest> SubmitAsync(RequestSubmission submission, IntakeReceipt receipt, DurableTaskClient client, CancellationToken cancellationToken)
    {
        using var span = DsrTelemetry.StartIntake(submission.Type);
        var receivedAt = receipt.ReceivedAt ?? clock.GetUtcNow();
        var request = new DsrRequest(
            receipt.RequestId ?? RequestId.New(),
            submission.Type,
            receipt.Channel,
            submission.Jurisdiction,
            submission.Language,
            receivedAt,
            LegalCalendar.DueAt(submission.Type, submission.Jurisdiction, receivedAt, deadlines.Value.HolidaysFor(submission.Jurisdiction)),
            receipt.NeedsTriage ? RequestStatus.NeedsTriage : RequestStatus.Received,
            submission.Subject,
            submission.Details,
            submission.Corrections)
        {
            SuggestedClassification = receipt.SuggestedClassification,
            Identity = receipt.ProvenIdentity,
        };

        request = await AddOnceAsync(request, cancellationToken);
        await AppendReceivedAsync(request, receipt.GlobalPrivacyControl, cancellationToken);

        // A request taken in again after it finished (its history may be purged by now) is not started again.
        if (request.Status != RequestStatus.NeedsTriage && !request.Status.IsFinal())
        {
            await StartOrchestrationAsync(request.Id, request.Type, client, cancellationToken);
        }

        if (!request.Status.IsFinal())
        {
            await StartDeadlineWatchAsync(request, client, cancellationToken);
        }
        span?.SetTag(DsrTelemetry.RequestIdTag, request.Id);
        if (request.Channel != IntakeChannel.Smoke)
        {
            DsrTelemetry.RequestReceived(request.Type);
        }

        LogAccepted(logger, request.Id, request.Status, request.Channel);
        return request;
    }

    /// <summary>Finishes the intake of a stored request that was never started: its receipt link and its workflows, once each.</summary>
    public async Task ResumeAsync(DsrRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (request.Status != RequestStatus.Received)
        {
            return;
        }

        await AppendReceivedAsync(request, globalPrivacyControl: false, cancellationToken);
        await StartOrchestrationAsync(request.Id, request.Type, client, cancellationToken);
        await StartDeadlineWatchAsync(request, client, cancellationToken);
    }

    /// <summary>The receipt link (keyed: written once however often the intake runs).</summary>
    private Task AppendReceivedAsync(DsrRequest request, bool globalPrivacyControl, CancellationToken cancellationToken) =>
        evidence.AppendAsync(request.Id, RequestReceived.Key, RequestReceived.From(request, globalPrivacyControl), cancellationToken: cancellationToken);

    /// <summary>Starts the request's orchestration unless it exists already; the verification window runs from now.</summary>
    public Task StartOrchestrationAsync(string requestId, RequestType type, DurableTaskClient client, CancellationToken cancellationToken) =>
        StartOnceAsync(
            client,
            DsrRequestOrchestrator.Name,
            requestId,
            new DsrOrchestrationInput(
                requestId, type, (clock.GetUtcNow() + verification.Value.Window).UtcDateTime, approval.Value.IsRequiredFor(type), StoresInBatches: true, AcknowledgeWithCode: true),
            cancellationToken);

    /// <summary>
    /// Reminders are a help, not part of the request: when the watch cannot start, the accepted request must not fail
    /// (the person would send it again), so this is logged and the staff list still shows the deadline.
    /// </summary>
    private async Task StartDeadlineWatchAsync(DsrRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        try
        {
            await StartOnceAsync(
                client,
                DeadlineWatchOrchestrator.Name,
                DeadlineWatchOrchestrator.InstanceIdFor(request.Id),
                new DeadlineWatchInput(request.Id, request.DueAt.UtcDateTime, deadlines.Value.EffectiveReminderOffsets),
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogWatchNotStarted(logger, request.Id, ex.GetType().Name);
        }
    }

    /// <summary>A repeated intake of the same message finds its instance already there and leaves it alone.</summary>
    private static async Task StartOnceAsync(DurableTaskClient client, string orchestrator, string instanceId, object input, CancellationToken cancellationToken)
    {
        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is not null)
        {
            return;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Started meanwhile by someone else (a reconciliation, a retried intake): starting is idempotent.
            if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is null)
            {
                throw;
            }
        }
    }

    private async Task<DsrRequest> AddOnceAsync(DsrRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await requests.AddAsync(request, cancellationToken);
            return request;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // The same message taken in again after an interruption: carry on with the row written the first time.
            return await requests.GetAsync(request.Id, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId}: the deadline watch did not start ({Failure}); no reminders for it")]
    private static partial void LogWatchNotStarted(ILogger logger, string requestId, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId} accepted: {Status} via {Channel}")]
    private static partial void LogAccepted(ILogger logger, string requestId, RequestStatus status, IntakeChannel channel);
}
