namespace Comintech.Dsr.Workflow;

/// <summary>
/// The retry policy of every workflow step that is not a store action (those take theirs from the data map): every step
/// is idempotent, so a transient storage or mail failure is retried instead of ending the orchestration. An
/// <see cref="InvalidOperationException"/> says the data disagrees with the step (a missing row, a broken chain): no
/// retry heals that, so it fails at once and staff are told (see <c>RecordWorkflowFailure</c>).
/// </summary>
public static class StepRetry
{
    public static TaskOptions Transient { get; } = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 8, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1))
        {
            HandleFailure = failure => !failure.IsCausedBy<InvalidOperationException>(),
        });
}
