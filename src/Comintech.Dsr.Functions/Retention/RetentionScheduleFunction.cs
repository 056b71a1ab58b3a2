using Comintech.Dsr.Retention;
using Comintech.Dsr.Retention.Activities;
using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Functions.Retention;

/// <summary>
/// The retention schedule on the Functions host: the shared eternal orchestration and its pass, and a daily timer (also
/// run at start-up) that starts the orchestration when it is not running.
/// </summary>
public sealed class RetentionScheduleFunction(ApplyRetentionActivity apply, IOptions<RetentionOptions> options)
{
    [Function(nameof(RetentionScheduleFunction))]
    public Task EnsureStarted(
        [TimerTrigger("0 17 3 * * *", RunOnStartup = true)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        RetentionOrchestrator.EnsureStartedAsync(client, options.Value.Interval, cancellationToken);

    [Function(RetentionOrchestrator.Name)]
    public static Task<RetentionReport> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new RetentionOrchestrator().RunAsync(context, context.GetInput<RetentionSchedule>()
            ?? throw new InvalidOperationException("The orchestration has no input."));

    [Function(DsrActivityNames.ApplyRetention)]
    public Task<RetentionReport> ApplyRetention([ActivityTrigger] DateTime nowUtc, CancellationToken cancellationToken) =>
        apply.RunAsync(nowUtc, cancellationToken);
}
