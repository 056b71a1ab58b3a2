namespace Comintech.Dsr.Domain;

public enum DeadlineAlertKind
{
    Reminder,
    Overdue,
}

/// <summary>One reminder or escalation of a request's deadline: the input of the alert activity and the body of its evidence.</summary>
public sealed record DeadlineAlertInput(string RequestId, DeadlineAlertKind Kind, DateTime DueAtUtc, TimeSpan Before);
