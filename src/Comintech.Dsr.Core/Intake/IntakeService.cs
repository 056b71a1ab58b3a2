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
    RequestStore requests,
    EvidenceLedger evidence,
    DeadlineIndex deadlineIndex,
    IOptions<DeadlineOptions> deadlines,
    IOptions<VerificationOptions> verification,
    IOptions<ApprovalOptions> approval,
    TimeProvider clock,
    ILogger<IntakeService> logger)
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

        (request, var added) = await AddOnceAsync(request, cancellationToken);
        await AppendReceivedAsync(request, receipt.GlobalPrivacyControl, added, cancellationToken);

        // Filed before the start: a stop between the two leaves a request the reconciliation resumes (which files it again).
        if (!request.Status.IsFinal())
        {
            await FileDeadlineAsync(request, cancellationToken);
        }

        // A request taken in again after it finished (its history may be purged by now) is not started again.
        if (request.Status != RequestStatus.NeedsTriage && !request.Status.IsFinal())
        {
            await StartOrchestrationAsync(request.Id, request.Type, client, cancellationToken, neverStarted: added);
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

        await AppendReceivedAsync(request, globalPrivacyControl: false, firstLink: false, cancellationToken);
        await FileDeadlineAsync(request, cancellationToken);
        await StartOrchestrationAsync(request.Id, request.Type, client, cancellationToken);
    }

    /// <summary>The receipt link (keyed: written once however often the intake runs); the chain's first for a row added now.</summary>
    private Task AppendReceivedAsync(DsrRequest request, bool globalPrivacyControl, bool firstLink, CancellationToken cancellationToken)
    {
        var received = RequestReceived.From(request, globalPrivacyControl);
        return firstLink
            ? evidence.AppendFirstAsync(request.Id, RequestReceived.Key, received, cancellationToken)
            : evidence.AppendAsync(request.Id, RequestReceived.Key, received, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Starts the request's orchestration unless it exists already (a repeated intake of the same message leaves it
    /// alone); the verification window runs from now, its end filed first for the deadline sweep (which raises it to
    /// the workflow), so a started workflow always has it.
    /// </summary>
    /// <param name="neverStarted">The request row was added just now: there is no workflow to look for.</param>
    public async Task StartOrchestrationAsync(string requestId, RequestType type, DurableTaskClient client, CancellationToken cancellationToken, bool neverStarted = false)
    {
        if (!neverStarted && await client.GetInstanceAsync(requestId, getInputsAndOutputs: false, cancellationToken) is not null)
        {
            return;
        }

        var verificationDeadline = (clock.GetUtcNow() + verification.Value.Window).UtcDateTime;
        await FileVerificationExpiryAsync(requestId, type, verificationDeadline, cancellationToken);

        var input = new DsrOrchestrationInput(
            requestId, type, verificationDeadline, approval.Value.IsRequiredFor(type), StoresInBatches: true, AcknowledgeWithCode: true, ExpiryBySweep: true);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(DsrRequestOrchestrator.Name, input, new StartOrchestrationOptions(requestId), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Started meanwhile by someone else (a reconciliation, a retried intake): starting is idempotent.
            if (await client.GetInstanceAsync(requestId, getInputsAndOutputs: false, cancellationToken) is null)
            {
                throw;
            }
        }
    }

    /// <summary>Files the end of the verification window of a workflow that gets it from the deadline sweep (a type needing a code).</summary>
    public Task FileVerificationExpiryAsync(string requestId, RequestType type, DateTime verificationDeadlineUtc, CancellationToken cancellationToken) =>
        type.NeedsVerification() ? deadlineIndex.FileVerificationExpiryAsync(requestId, verificationDeadlineUtc, cancellationToken) : Task.CompletedTask;

    /// <summary>
    /// Files the first deadline alert for <see cref="DeadlineSweep"/>. Reminders are a help, not part of the request: when
    /// it cannot be filed, the accepted request must not fail (the person would send it again), so this is logged and
    /// the staff list still shows the deadline.
    /// </summary>
    private async Task FileDeadlineAsync(DsrRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await deadlineIndex.FileAsync(request.Id, request.DueAt, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDeadlineNotFiled(logger, request.Id, ex.GetType().Name);
        }
    }

    /// <returns>The request as stored, and whether this call added it.</returns>
    private async Task<(DsrRequest Request, bool Added)> AddOnceAsync(DsrRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await requests.AddAsync(request, cancellationToken);
            return (request, true);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // The same message taken in again after an interruption: carry on with the row written the first time.
            return (await requests.GetAsync(request.Id, cancellationToken), false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId}: its deadline alerts could not be filed ({Failure}); no reminders for it")]
    private static partial void LogDeadlineNotFiled(ILogger logger, string requestId, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId} accepted: {Status} via {Channel}")]
    private static partial void LogAccepted(ILogger logger, string requestId, RequestStatus status, IntakeChannel channel);
}
