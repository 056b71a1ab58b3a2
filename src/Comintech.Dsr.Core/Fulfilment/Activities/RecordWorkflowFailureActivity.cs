namespace Comintech.Dsr.Fulfilment.Activities;

/// <summary>Input of <see cref="RecordWorkflowFailureActivity"/>: ids, the step's name and the <see cref="FailureReason"/> (type and code).</summary>
public sealed record WorkflowFailureInput(string RequestId, string Step, string Reason);

/// <summary>
/// A request's orchestration is failing despite the retries: keep the step and reason for staff, put it in the
/// evidence, and alert the privacy team at once, so the request is never silently stuck.
/// </summary>
public sealed class RecordWorkflowFailureActivity(PublicLinks links, WorkflowFailures failures, EvidenceLedger evidence, StaffNotifier staff)
    : IDsrActivity<WorkflowFailureInput, bool>
{
    public async Task<bool> RunAsync(WorkflowFailureInput input, CancellationToken cancellationToken)
    {
        var reason = FailureReason.Normalise(input.Reason);
        var failure = await failures.RecordAsync(input.RequestId, input.Step, reason, cancellationToken);
        await evidence.AppendAsync(
            input.RequestId, WorkflowFailed.Key(failure.Number), new WorkflowFailed(failure.Step, failure.Reason, failure.Number), cancellationToken: cancellationToken);
        await staff.SendAsync(
            $"{input.RequestId}.workflow-failed-{failure.Number}",
            $"Request {input.RequestId} stopped at step {failure.Step}",
            $"""
            The workflow of request {input.RequestId} failed at step {failure.Step} after its retries:
            {failure.Reason}

            Nothing already done is lost. When the cause is fixed, restart it from the staff console
            ({links.StaffConsole()}#{input.RequestId}) or POST /api/staff/requests/{input.RequestId}/restart.
            """,
            cancellationToken);
        return true;
    }
}
