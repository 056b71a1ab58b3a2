using Comintech.Dsr.Deadlines;
using Comintech.Dsr.Domain;

namespace Comintech.Dsr.Core.Tests.Deadlines;

public class LegalCalendarTests
{
    [Theory]
    [InlineData("2026-03-10T09:00:00Z", "2026-04-10")] // Friday
    [InlineData("2025-01-31T12:00:00Z", "2025-02-28")] // no 31 Feb: last day of the month (a Friday)
    [InlineData("2024-01-31T12:00:00Z", "2024-02-29")] // leap year (a Thursday)
    [InlineData("2026-10-31T12:00:00Z", "2026-11-30")] // 30 Nov 2026 is a Monday
    [InlineData("2026-09-12T12:00:00Z", "2026-10-12")] // Monday
    [InlineData("2026-10-10T12:00:00Z", "2026-11-10")] // Tuesday
    [InlineData("2026-10-14T12:00:00Z", "2026-11-16")] // 14 Nov is a Saturday: next working day
    [InlineData("2026-10-15T12:00:00Z", "2026-11-16")] // 15 Nov is a Sunday
    public void Gdpr_is_one_month_ending_on_a_working_day(string received, string due)
    {
        var dueAt = LegalCalendar.DueAt(Jurisdiction.GDPR, DateTimeOffset.Parse(received, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), DateOnly.FromDateTime(dueAt.UtcDateTime));
        Assert.Equal(new TimeOnly(23, 59, 59), TimeOnly.FromDateTime(dueAt.UtcDateTime));
    }

    [Theory]
    [InlineData("2026-01-01T00:00:00Z", "2026-02-15")]
    [InlineData("2026-12-20T18:30:00Z", "2027-02-03")]
    public void Ccpa_is_45_calendar_days(string received, string due)
    {
        var dueAt = LegalCalendar.DueAt(Jurisdiction.CCPA, DateTimeOffset.Parse(received, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), DateOnly.FromDateTime(dueAt.UtcDateTime));
    }
}
