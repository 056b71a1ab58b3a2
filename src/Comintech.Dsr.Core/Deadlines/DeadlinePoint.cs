namespace Comintech.Dsr.Deadlines;

/// <summary>One moment staff are alerted about a request's deadline: a reminder <paramref name="Before"/> it, or the escalation just after it.</summary>
public sealed record DeadlinePoint(DateTime At, TimeSpan Before, DeadlineAlertKind Kind)
{
    /// <summary>A reminder at each positive offset before the deadline, then the escalation once it has passed; in time order.</summary>
    public static IReadOnlyList<DeadlinePoint> Schedule(DateTime dueAtUtc, IReadOnlyList<TimeSpan> reminderOffsets) =>
        [.. reminderOffsets
            .Where(o => o > TimeSpan.Zero)
            .Distinct()
            .Select(o => new DeadlinePoint(dueAtUtc - o, o, DeadlineAlertKind.Reminder))
            .Append(new DeadlinePoint(dueAtUtc.AddSeconds(1), TimeSpan.Zero, DeadlineAlertKind.Overdue))
            .OrderBy(p => p.At)];

    public DeadlineAlertInput AlertFor(string requestId, DateTime dueAtUtc) => new(requestId, Kind, dueAtUtc, Before);
}
