namespace Comintech.Dsr.Deadlines;

/// <summary>
/// Due dates for a response; pure functions, time zone UTC, each period ending at 23:59:59 of its last day.
/// GDPR Art. 12(3): one month from receipt, counted per Regulation (EEC, Euratom) No 1182/71: the same day-of-month
/// next month, else that month's last day; a period ending on a Saturday, Sunday or public holiday ends at the end of
/// the next working day. Extendable by two further months (three months from receipt, counted the same way) with a
/// reasoned notice sent within the first month.
/// CCPA §1798.130 and regulations §7021: acknowledge within 10 business days, respond within 45 calendar days,
/// extendable once by 45 calendar days with notice sent within the first 45.
/// </summary>
public static class LegalCalendar
{
    private const int CcpaResponseDays = 45;
    private const int CcpaAcknowledgementBusinessDays = 10;
    private const int OptOutBusinessDays = 15;

    public static DateTimeOffset DueAt(Jurisdiction jurisdiction, DateTimeOffset receivedAt) =>
        DueAt(jurisdiction, receivedAt, HolidayCalendar.None);

    /// <summary>The first deadline for a response.</summary>
    public static DateTimeOffset DueAt(Jurisdiction jurisdiction, DateTimeOffset receivedAt, HolidayCalendar holidays) =>
        EndOfDay(jurisdiction switch
        {
            Jurisdiction.GDPR => holidays.WorkingDayOnOrAfter(Day(receivedAt).AddMonths(1)),
            Jurisdiction.CCPA => Day(receivedAt).AddDays(CcpaResponseDays),
            _ => throw new ArgumentOutOfRangeException(nameof(jurisdiction)),
        });

    /// <summary>
    /// The first deadline for a request of this type: an opt-out must be acted on within 15 business days (CCPA
    /// regulations §7026(f); applied under GDPR Art. 21 too, as the policy promises); every other type as above.
    /// </summary>
    public static DateTimeOffset DueAt(RequestType type, Jurisdiction jurisdiction, DateTimeOffset receivedAt, HolidayCalendar holidays) =>
        type.IsOptOut()
            ? EndOfDay(holidays.AddWorkingDays(Day(receivedAt), OptOutBusinessDays))
            : DueAt(jurisdiction, receivedAt, holidays);

    /// <summary>The deadline once extended: GDPR one month plus two further months, CCPA 45 plus 45 days.</summary>
    public static DateTimeOffset ExtendedDueAt(Jurisdiction jurisdiction, DateTimeOffset receivedAt, HolidayCalendar holidays) =>
        EndOfDay(jurisdiction switch
        {
            Jurisdiction.GDPR => holidays.WorkingDayOnOrAfter(Day(receivedAt).AddMonths(3)),
            Jurisdiction.CCPA => Day(receivedAt).AddDays(2 * CcpaResponseDays),
            _ => throw new ArgumentOutOfRangeException(nameof(jurisdiction)),
        });

    /// <summary>
    /// The notice of an extension must reach the person within the first period, so an extension is possible only
    /// until the first deadline.
    /// </summary>
    public static bool CanExtendAt(Jurisdiction jurisdiction, DateTimeOffset receivedAt, HolidayCalendar holidays, DateTimeOffset now) =>
        now <= DueAt(jurisdiction, receivedAt, holidays);

    /// <summary>When receipt must be acknowledged: CCPA 10 business days; GDPR sets no separate deadline (null).</summary>
    public static DateTimeOffset? AcknowledgeBy(Jurisdiction jurisdiction, DateTimeOffset receivedAt, HolidayCalendar holidays) =>
        jurisdiction == Jurisdiction.CCPA
            ? EndOfDay(holidays.AddWorkingDays(Day(receivedAt), CcpaAcknowledgementBusinessDays))
            : null;

    /// <summary>
    /// Time spent waiting on the person to prove identity (GDPR Art. 12(6)). Under <see cref="IdentityWaitPolicy.Pause"/>
    /// the deadline moves by the whole days waited; under <see cref="IdentityWaitPolicy.NoPause"/> (the default) it does not.
    /// </summary>
    public static DateTimeOffset WithIdentityWait(DateTimeOffset dueAt, TimeSpan waitedOnPerson, IdentityWaitPolicy policy) =>
        policy == IdentityWaitPolicy.Pause && waitedOnPerson > TimeSpan.Zero
            ? dueAt.AddDays(Math.Floor(waitedOnPerson.TotalDays))
            : dueAt;

    /// <summary>Whole days from <paramref name="now"/> to the deadline; negative when overdue.</summary>
    public static int DaysLeft(DateTimeOffset dueAt, DateTimeOffset now) =>
        (int)Math.Floor((dueAt - now).TotalDays);

    private static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);

    private static DateTimeOffset EndOfDay(DateOnly day) =>
        new(day.ToDateTime(new TimeOnly(23, 59, 59), DateTimeKind.Utc));
}

public enum IdentityWaitPolicy
{
    NoPause,
    Pause,
}
