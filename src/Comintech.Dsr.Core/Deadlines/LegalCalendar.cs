using Comintech.Dsr.Domain;

namespace Comintech.Dsr.Deadlines;

/// <summary>
/// Due dates for a response. GDPR Art. 12(3): one month from receipt, counted per Regulation 1182/71
/// (same day-of-month next month, else that month's last day; a period ending on a weekend ends at the end of
/// the next working day). CCPA §1798.130: 45 calendar days. Pure functions; time zone is UTC.
/// </summary>
public static class LegalCalendar
{
    public static DateTimeOffset DueAt(Jurisdiction jurisdiction, DateTimeOffset receivedAt)
    {
        var receivedDay = DateOnly.FromDateTime(receivedAt.UtcDateTime);
        var lastDay = jurisdiction switch
        {
            Jurisdiction.GDPR => NextWorkingDayOnOrAfter(receivedDay.AddMonths(1)),
            Jurisdiction.CCPA => receivedDay.AddDays(45),
            _ => throw new ArgumentOutOfRangeException(nameof(jurisdiction)),
        };
        return EndOfDay(lastDay);
    }

    private static DateOnly NextWorkingDayOnOrAfter(DateOnly day)
    {
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static DateTimeOffset EndOfDay(DateOnly day) =>
        new(day.ToDateTime(new TimeOnly(23, 59, 59), DateTimeKind.Utc));
}
