namespace Comintech.Dsr.Evidence.Events;

/// <summary>Staff extended the deadline once: the old and new due dates and the notice's message key.</summary>
public sealed record DeadlineExtended(DateTimeOffset PreviousDueAt, DateTimeOffset DueAt, string Notice) : EvidenceEvent(EvidenceEvents.DeadlineExtended)
{
    public static EvidenceKey Key => new("deadline-extended");
}

/// <summary>The time the person took to prove who they are was added to the deadline (identity-wait policy Pause).</summary>
public sealed record DeadlinePaused(double WaitedDays, DateTimeOffset PreviousDueAt, DateTimeOffset DueAt) : EvidenceEvent(EvidenceEvents.DeadlinePaused)
{
    public static EvidenceKey Key => new("identity-wait");
}

/// <summary>A deadline alert: the due date, how long before it (as <see cref="TimeSpan"/> text), and whether staff were mailed.</summary>
public abstract record DeadlineAlert : EvidenceEvent
{
    protected DeadlineAlert(DeadlineAlertInput alert, bool notified, EvidenceType type)
        : base(type) => (Alert, Notified) = (alert, notified);

    [JsonIgnore]
    public DeadlineAlertInput Alert { get; }

    public DateTime DueAt => Alert.DueAtUtc;

    public string Before => Alert.Before.ToString();

    public bool Notified { get; }

    /// <param name="purpose">Which alert for which due date, e.g. <c>reminder-20261201-10080m</c>.</param>
    public static EvidenceKey Key(string purpose) => new("deadline-" + purpose);

    /// <summary>The event for an alert by its kind.</summary>
    public static DeadlineAlert For(DeadlineAlertInput alert, bool notified) =>
        alert.Kind == DeadlineAlertKind.Overdue ? new DeadlineEscalated(alert, notified) : new DeadlineReminder(alert, notified);
}

/// <summary>A reminder that the deadline is near.</summary>
public sealed record DeadlineReminder(DeadlineAlertInput Alert, bool Notified) : DeadlineAlert(Alert, Notified, EvidenceEvents.DeadlineReminder);

/// <summary>The deadline passed with the request open.</summary>
public sealed record DeadlineEscalated(DeadlineAlertInput Alert, bool Notified) : DeadlineAlert(Alert, Notified, EvidenceEvents.DeadlineEscalated);
