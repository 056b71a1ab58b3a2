namespace Comintech.Dsr.Fulfilment;

/// <summary>
/// One data subject request: acknowledge, verify identity (wait for the code or time out), run the request's action
/// on every store in the data map (all in one batch activity, then any store the batch did not finish alone with its
/// own retry policy), then finalise (status, notice, evidence).
/// </summary>
public sealed partial class DsrRequestOrchestrator : TaskOrchestrator<DsrOrchestrationInput, DsrOrchestrationResult>
{
    public const string Name = nameof(DsrRequestOrchestrator);
    private const int MaxResendTurns = 25;

    public override async Task<DsrOrchestrationResult> RunAsync(TaskOrchestrationContext context, DsrOrchestrationInput input)
    {
        try
        {
            return await RunStepsAsync(context, input);
        }
        catch (TaskFailedException ex)
        {
            // A step failed after all its retries: staff are told the step and the exception type, and can restart the request.
            await context.CallActivityAsync(
                DsrActivityNames.RecordWorkflowFailure,
                new WorkflowFailureInput(input.RequestId, ex.TaskName, FailureReason.Of(ex.FailureDetails, FailureReason.StepFailed)),
                StepRetry.Transient);
            throw;
        }
    }

    private static async Task<DsrOrchestrationResult> RunStepsAsync(TaskOrchestrationContext context, DsrOrchestrationInput input)
    {
        var logger = context.CreateReplaySafeLogger<DsrRequestOrchestrator>();
        context.SetCustomStatus(new DsrProgress(RequestStage.AwaitingVerification, []));

        var codeWithAcknowledgement = input.AcknowledgeWithCode && input.Type.NeedsVerification();
        await context.CallActivityAsync(
            codeWithAcknowledgement ? DsrActivityNames.AcknowledgeAndSendCode : DsrActivityNames.SendAcknowledgement, input.RequestId, StepRetry.Transient);
        if (input.Type.NeedsVerification() && !await WaitForIdentityAsync(context, input, codeWithAcknowledgement))
        {
            await context.CallActivityAsync(DsrActivityNames.CloseUnverified, input.RequestId, StepRetry.Transient);
            context.SetCustomStatus(new DsrProgress(RequestStage.Done, []));
            LogNotVerified(logger, input.RequestId);
            return new DsrOrchestrationResult(RequestStatus.IdentityNotVerified, []);
        }

        if (input.ApprovalRequired && !await WaitForApprovalAsync(context))
        {
            await context.CallActivityAsync(DsrActivityNames.CloseDenied, input.RequestId, StepRetry.Transient);
            context.SetCustomStatus(new DsrProgress(RequestStage.Done, []));
            LogFinished(logger, input.RequestId, RequestStatus.Denied);
            return new DsrOrchestrationResult(RequestStatus.Denied, []);
        }

        var plan = await context.CallActivityAsync<FulfilmentPlan>(DsrActivityNames.PlanFulfilment, input.RequestId, StepRetry.Transient);
        var progress = plan.Stores.ToDictionary(s => s.StoreId, s => new StoreProgress(s.StoreId, StoreProgress.Pending, 0, 0, null));
        context.SetCustomStatus(new DsrProgress(RequestStage.Fulfilling, [.. progress.Values]));

        void ShowWaiting(ConnectorOutcome waiting)
        {
            progress[waiting.StoreId] = StoreProgress.From(waiting);
            context.SetCustomStatus(new DsrProgress(RequestStage.Fulfilling, [.. progress.Values]));
        }

        var outcomes = new Dictionary<string, ConnectorOutcome>();
        // Stores that run last start once every other store has finished.
        foreach (var wave in plan.Stores.GroupBy(s => s.RunsLast).OrderBy(g => g.Key))
        {
            var pending = input.StoresInBatches
                ? await StartStoresAsync(context, input.RequestId, plan.Action, [.. wave], ShowWaiting)
                : [.. wave.Select(store => RunStoreAsync(context, input.RequestId, plan.Action, store, ShowWaiting))];
            while (pending.Count > 0)
            {
                var finished = await Task.WhenAny(pending);
                pending.Remove(finished);
                var outcome = await finished;
                outcomes[outcome.StoreId] = outcome;
                progress[outcome.StoreId] = StoreProgress.From(outcome);
                context.SetCustomStatus(new DsrProgress(RequestStage.Fulfilling, [.. progress.Values]));
            }
        }

        context.SetCustomStatus(new DsrProgress(RequestStage.Finalising, [.. progress.Values]));
        var ordered = plan.Stores.Select(s => outcomes[s.StoreId]).ToList();
        var status = ordered.Any(o => o.Kind == OutcomeKind.Failed) ? RequestStatus.CompletedWithExceptions : RequestStatus.Completed;
        if (plan.Review)
        {
            await WaitForReviewAsync(context, new FinaliseInput(input.RequestId, status, ordered), [.. progress.Values]);
        }

        await context.CallActivityAsync(DsrActivityNames.FinaliseRequest, new FinaliseInput(input.RequestId, status, ordered), StepRetry.Transient);
        context.SetCustomStatus(new DsrProgress(RequestStage.Done, [.. progress.Values]));
        LogFinished(logger, input.RequestId, status);
        await ClientFollowUp.RunAsync(context, input.RequestId, plan.Action, plan.Stores, ordered);
        return new DsrOrchestrationResult(status, [.. progress.Values]);
    }

    /// <param name="firstCodeSent">Code 1 went out with the acknowledgement.</param>
    private static async Task<bool> WaitForIdentityAsync(TaskOrchestrationContext context, DsrOrchestrationInput input, bool firstCodeSent)
    {
        var issue = 1;
        if (!firstCodeSent)
        {
            await context.CallActivityAsync(DsrActivityNames.SendVerificationCode, new SendCodeInput(input.RequestId, issue), StepRetry.Transient);
        }

        using var stopWaiting = new CancellationTokenSource();
        var timeout = context.CreateTimer(input.VerificationDeadlineUtc, stopWaiting.Token);
        // One waiter for the whole wait: a new waiter per loop turn would leave the old one first in line for the event.
        var verified = context.WaitForExternalEvent<bool>(DsrEvents.IdentityVerified, stopWaiting.Token);
        try
        {
            // Resends are few (the HTTP route limits them); the bound only caps history if events arrive anyway.
            for (var turn = 0; turn < MaxResendTurns; turn++)
            {
                var resend = context.WaitForExternalEvent<int>(DsrEvents.ResendCodeRequested, stopWaiting.Token);
                var winner = await Task.WhenAny(verified, resend, timeout);
                if (winner == verified)
                {
                    return true;
                }

                if (winner == timeout)
                {
                    return false;
                }

                var wanted = await resend;
                if (wanted > issue)
                {
                    issue = wanted;
                    await context.CallActivityAsync(DsrActivityNames.SendVerificationCode, new SendCodeInput(input.RequestId, issue), StepRetry.Transient);
                }
            }

            return await Task.WhenAny(verified, timeout) == verified;
        }
        finally
        {
            stopWaiting.Cancel();
        }
    }

    /// <summary>The approval gate: no timeout, staff decide (deadline reminders keep it from being forgotten).</summary>
    private static async Task<bool> WaitForApprovalAsync(TaskOrchestrationContext context)
    {
        context.SetCustomStatus(new DsrProgress(RequestStage.AwaitingApproval, []));
        var decision = context.WaitForExternalEvent<bool>(DsrEvents.ApprovalDecided);
        await context.CallActivityAsync(DsrActivityNames.AwaitApproval, context.InstanceId, StepRetry.Transient);
        return await decision;
    }

    /// <summary>The staff review of an access package: no timeout, staff release it (deadline reminders keep it from being forgotten).</summary>
    private static async Task WaitForReviewAsync(TaskOrchestrationContext context, FinaliseInput review, IReadOnlyList<StoreProgress> stores)
    {
        var released = context.WaitForExternalEvent<int>(DsrEvents.AccessReviewReleased);
        await context.CallActivityAsync(DsrActivityNames.OpenAccessReview, review, StepRetry.Transient);
        context.SetCustomStatus(new DsrProgress(RequestStage.AwaitingReview, stores));
        await released;
        context.SetCustomStatus(new DsrProgress(RequestStage.Finalising, stores));
    }

    /// <summary>
    /// The first run of the action on <paramref name="stores"/>: all in one <c>ExecuteStoreActions</c> activity, then
    /// each store it did not finish alone with its own retry policy (as every store, when the batch itself fails). A
    /// store whose outcome is Waiting then waits on its own. One task per store, finished or not.
    /// </summary>
    private static async Task<List<Task<ConnectorOutcome>>> StartStoresAsync(
        TaskOrchestrationContext context, string requestId, ConnectorAction action, IReadOnlyList<PlannedStore> stores, Action<ConnectorOutcome> onWaiting)
    {
        StoreBatchResult? batch = null;
        if (stores.Count > 1)
        {
            try
            {
                batch = await context.CallActivityAsync<StoreBatchResult>(
                    DsrActivityNames.ExecuteStoreActions, new StoreBatchInput(requestId, action, [.. stores.Select(s => s.StoreId)]));
            }
            catch (TaskFailedException)
            {
                // The batch is only a cheaper way to the same outcomes: the stores' own runs make up for it.
            }
        }

        return [.. stores.Select(store => batch?.Outcomes.FirstOrDefault(o => o.StoreId == store.StoreId) is { } outcome
            ? FollowAsync(context, requestId, action, store, outcome, onWaiting)
            : RunStoreAsync(context, requestId, action, store, onWaiting))];
    }

    /// <summary>
    /// One store's action with its retry policy; after the last attempt, a Failed outcome with the reason.
    /// <paramref name="onWaiting"/> hears when the store starts waiting on a partner or staff. A <paramref name="rerun"/>
    /// runs under its own key and does not wait: the partner or staff confirm against the request as usual.
    /// </summary>
    internal static async Task<ConnectorOutcome> RunStoreAsync(
        TaskOrchestrationContext context, string requestId, ConnectorAction action, PlannedStore store, Action<ConnectorOutcome>? onWaiting = null, string? rerun = null)
    {
        ConnectorOutcome outcome;
        try
        {
            outcome = await context.CallActivityAsync<ConnectorOutcome>(
                DsrActivityNames.ExecuteStoreAction, new StoreActionInput(requestId, store.StoreId, action, rerun), RetryOf(store));
        }
        catch (TaskFailedException ex)
        {
            return Failed(context, action, store, ex);
        }

        return rerun is null ? await FollowAsync(context, requestId, action, store, outcome, onWaiting) : outcome;
    }

    /// <summary>A store's outcome as it stands, or, when it is Waiting, the outcome its wait ends with.</summary>
    private static async Task<ConnectorOutcome> FollowAsync(
        TaskOrchestrationContext context, string requestId, ConnectorAction action, PlannedStore store, ConnectorOutcome outcome, Action<ConnectorOutcome>? onWaiting)
    {
        if (outcome.Kind != OutcomeKind.Waiting)
        {
            return outcome;
        }

        onWaiting?.Invoke(outcome);
        try
        {
            return await WaitForStoreAsync(context, requestId, action, store, RetryOf(store));
        }
        catch (TaskFailedException ex)
        {
            return Failed(context, action, store, ex);
        }
    }

    private static TaskOptions RetryOf(PlannedStore store) =>
        TaskOptions.FromRetryPolicy(new RetryPolicy(store.MaxAttempts, store.FirstRetryInterval, store.BackoffCoefficient));

    private static ConnectorOutcome Failed(TaskOrchestrationContext context, ConnectorAction action, PlannedStore store, TaskFailedException ex) =>
        new(store.StoreId, action, OutcomeKind.Failed, 0, 0,
            $"Failed after {store.MaxAttempts} attempt(s): {ex.FailureDetails.ErrorMessage}", null, context.CurrentUtcDateTime);

    /// <summary>
    /// A store waiting on a partner or staff: wait for its confirmation event, reminding at each interval; at the
    /// deadline escalate to staff and report the store failed. Other stores go on meanwhile.
    /// </summary>
    private static async Task<ConnectorOutcome> WaitForStoreAsync(
        TaskOrchestrationContext context, string requestId, ConnectorAction action, PlannedStore store, TaskOptions retry)
    {
        var deadline = context.CurrentUtcDateTime + (store.ConfirmWithin ?? TimeSpan.FromDays(14));
        var interval = store.RemindEvery ?? TimeSpan.FromDays(3);
        using var stopWaiting = new CancellationTokenSource();
        var confirmed = context.WaitForExternalEvent<StoreConfirmation>(DsrEvents.StoreConfirmed(store.StoreId), stopWaiting.Token);
        try
        {
            for (var reminder = 1; ; reminder++)
            {
                var next = context.CurrentUtcDateTime + interval < deadline ? context.CurrentUtcDateTime + interval : deadline;
                if (await Task.WhenAny(confirmed, context.CreateTimer(next, stopWaiting.Token)) == confirmed)
                {
                    return await context.CallActivityAsync<ConnectorOutcome>(
                        DsrActivityNames.RecordStoreConfirmation, new StoreConfirmedInput(requestId, store.StoreId, action, await confirmed), retry);
                }

                var wait = new StoreWaitInput(requestId, store.StoreId, action, reminder);
                if (context.CurrentUtcDateTime >= deadline)
                {
                    return await context.CallActivityAsync<ConnectorOutcome>(DsrActivityNames.EscalateWaitingStore, wait, retry);
                }

                await context.CallActivityAsync<bool>(DsrActivityNames.RemindWaitingStore, wait, retry);
            }
        }
        finally
        {
            stopWaiting.Cancel();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId} closed: identity not verified")]
    private static partial void LogNotVerified(ILogger logger, string requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId} finished with status {Status}")]
    private static partial void LogFinished(ILogger logger, string requestId, RequestStatus status);
}
