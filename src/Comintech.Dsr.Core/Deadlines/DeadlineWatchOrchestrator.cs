namespace Comintech.Dsr.Deadlines;

/// <summary>Input of <see cref="DeadlineWatchOrchestrator"/>: the request id, its deadline and the reminder points. Nothing personal.</summary>
public sealed record DeadlineWatchInput(string RequestId, DateTime DueAtUtc, IReadOnlyList<TimeSpan> ReminderOffsets);

/// <summary>
/// Watches one request's deadline (instance id <c>&lt;requestId&gt;-deadline</c>, started at intake): reminds staff at each
/// configured point before the deadline and escalates once when it passes. An extension (event
/// <see cref="DeadlineExtendedEvent"/> with the new deadline) re-arms it; it ends at its next wake-up after the request
/// closes (the alert activity answers false for a closed request).
/// </summary>
public sealed class DeadlineWatchOrchestrator : TaskOrchestrator<DeadlineWatchInput, string>
{
    public const string Name = nameof(DeadlineWatchOrchestrator);
    public const string DeadlineExtendedEvent = "DeadlineExtended";

    public static string InstanceIdFor(string requestId) => requestId + "-deadline";

    public override async Task<string> RunAsync(TaskOrchestrationContext context, DeadlineWatchInput input)
    {
        var points = input.ReminderOffsets
            .Where(o => o > TimeSpan.Zero)
            .Distinct()
            .Select(o => (At: input.DueAtUtc - o, Before: o, Kind: DeadlineAlertKind.Reminder))
            .Append((At: input.DueAtUtc.AddSeconds(1), Before: TimeSpan.Zero, Kind: DeadlineAlertKind.Overdue))
            .Where(p => p.At > context.CurrentUtcDateTime)
            .OrderBy(p => p.At)
            .ToList();

        foreach (var point in points)
        {
            using var stopWaiting = new CancellationTokenSource();
            var timer = context.CreateTimer(point.At, stopWaiting.Token);
            var extended = context.WaitForExternalEvent<DateTime>(DeadlineExtendedEvent, stopWaiting.Token);
            var winner = await Task.WhenAny(timer, extended);
            stopWaiting.Cancel();
            if (winner == extended)
            {
                context.ContinueAsNew(input with { DueAtUtc = await extended });
                return "re-armed";
            }

            var open = await context.CallActivityAsync<bool>(
                DsrActivityNames.SendDeadlineAlert, new DeadlineAlertInput(input.RequestId, point.Kind, input.DueAtUtc, point.Before), StepRetry.Transient);
            if (!open)
            {
                return "closed";
            }
        }

        return "escalated";
    }
}
