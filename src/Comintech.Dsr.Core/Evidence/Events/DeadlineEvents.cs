namespace Comintech.Dsr.Evidence.Events;

/// <summary>Staff extended the deadline once: the old and new due dates and the notice's message key.</summary>
public sealed record DeadlineExtended(DateTimeOffset PreviousDueAt, DateTimeOffset DueAt, string Notice) : EvidenceEvent
{
    protected override string EventTypeName => EvidenceEvents.DeadlineExtended;

    public static EvidenceKey Key => new("deadline-extended");
}

/// <summary>The time the person took to prove who they are was added to the deadline (identity-wait policy Pause).</summary>
public sealed record DeadlinePaused(double WaitedDays, DateTimeOffset PreviousDueAt, DateTimeOffset DueAt) : EvidenceEvent
{
    protected override string EventTypeName => EvidenceEvents.DeadlinePaused;

    public static EvidenceKey Key => new("identity-wait");
}

/// <summary>A deadline alert: the due date, how long before it (as <see cref="TimeSpan"/> text), and whether staff were mailed.</summary>
public abstract record DeadlineAlert : EvidenceEvent
{
    protected DeadlineAlert(DateTime dueAt, TimeSpan before, bool notified) => (DueAt, Before, Notified) = (dueAt, before.ToString(), notified);

    public DateTime DueAt { get; }

    public string Before { get; }

    public bool Notified { get; }

    /// <param name="purpose">Which alert for which due date, e.g. <c>reminder-20261201-10080m</c>.</param>
    public static EvidenceKey Key(string purpose) => new("deadline-" + purpose);
}

/// <summary>A reminder that the deadline is near.</summary>
public sealed record DeadlineReminder : DeadlineAlert
{
    public DeadlineReminder(DateTime dueAt, TimeSpan before, bool notified)
        : base(dueAt, before, notified)
    {
    }

    protected override string EventTypeName => EvidenceEvents.DeadlineReminder;
}

/// <summary>The deadline passed with the request open.</summary>
public sealed record DeadlineEscalated : DeadlineAlert
{
    public DeadlineEscalated(DateTime dueAt, TimeSpan before, bool notified)
        : base(dueAt, before, notified)
    {
    }

    protected override string EventTypeName => EvidenceEvents.DeadlineEscalated;
}
