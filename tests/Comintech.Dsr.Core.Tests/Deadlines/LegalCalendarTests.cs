using System.Globalization;
using Comintech.Dsr.Deadlines;
using Comintech.Dsr.Domain;

namespace Comintech.Dsr.Core.Tests.Deadlines;

public class LegalCalendarTests
{
    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

    private static DateOnly Date(string day) => DateOnly.Parse(day, CultureInfo.InvariantCulture);

    private static HolidayCalendar Holidays(string? days) =>
        new(string.IsNullOrEmpty(days) ? [] : days.Split(',').Select(Date));

    private static void AssertEndOf(string expectedDay, DateTimeOffset actual)
    {
        Assert.Equal(Date(expectedDay), DateOnly.FromDateTime(actual.UtcDateTime));
        Assert.Equal(new TimeOnly(23, 59, 59), TimeOnly.FromDateTime(actual.UtcDateTime));
        Assert.Equal(TimeSpan.Zero, actual.Offset);
    }

    [Theory]
    [InlineData("2026-03-10T09:00:00Z", "2026-04-10")] // Friday
    [InlineData("2025-01-31T12:00:00Z", "2025-02-28")] // no 31 Feb: last day of the month (a Friday)
    [InlineData("2024-01-31T12:00:00Z", "2024-02-29")] // leap year (a Thursday)
    [InlineData("2028-01-31T08:00:00Z", "2028-02-29")] // leap year (a Tuesday)
    [InlineData("2100-01-31T08:00:00Z", "2100-03-01")] // 2100 is no leap year: 28 Feb, a Sunday, then Monday 1 March
    [InlineData("2026-01-31T08:00:00Z", "2026-03-02")] // 28 Feb 2026 is a Saturday
    [InlineData("2026-03-31T08:00:00Z", "2026-04-30")] // no 31 April (a Thursday)
    [InlineData("2026-12-31T08:00:00Z", "2027-02-01")] // over the year end; 31 Jan 2027 is a Sunday
    [InlineData("2026-10-31T12:00:00Z", "2026-11-30")] // 30 Nov 2026 is a Monday
    [InlineData("2026-09-12T12:00:00Z", "2026-10-12")] // Monday
    [InlineData("2026-10-10T12:00:00Z", "2026-11-10")] // Tuesday
    [InlineData("2026-10-14T12:00:00Z", "2026-11-16")] // 14 Nov is a Saturday: next working day
    [InlineData("2026-10-15T12:00:00Z", "2026-11-16")] // 15 Nov is a Sunday
    [InlineData("2026-03-10T23:59:59Z", "2026-04-10")] // the last second of the day still counts as that day
    [InlineData("2026-03-10T01:00:00+02:00", "2026-04-09")] // receipt is taken in UTC (9 March 23:00)
    public void Gdpr_is_one_month_ending_on_a_working_day(string received, string due) =>
        AssertEndOf(due, LegalCalendar.DueAt(Jurisdiction.GDPR, At(received)));

    [Theory]
    [InlineData("2026-11-25T10:00:00Z", "2026-12-25", "2026-12-28")] // Christmas, a Friday: Monday
    [InlineData("2026-11-25T10:00:00Z", "2026-12-25,2026-12-28", "2026-12-29")] // two holidays then the weekend between
    [InlineData("2026-04-03T10:00:00Z", "2026-05-04", "2026-05-05")] // Sunday, then a bank holiday Monday
    [InlineData("2026-04-03T10:00:00Z", "", "2026-05-04")] // the same without the holiday
    [InlineData("2026-04-10T10:00:00Z", "2026-05-04", "2026-05-11")] // a holiday elsewhere in the month changes nothing
    public void Gdpr_period_ending_on_a_public_holiday_ends_on_the_next_working_day(string received, string holidays, string due) =>
        AssertEndOf(due, LegalCalendar.DueAt(Jurisdiction.GDPR, At(received), Holidays(holidays)));

    [Theory]
    [InlineData("2026-01-01T00:00:00Z", "2026-02-15")]
    [InlineData("2026-12-20T18:30:00Z", "2027-02-03")]
    [InlineData("2026-01-05T09:00:00Z", "2026-02-19")]
    [InlineData("2026-01-07T09:00:00Z", "2026-02-21")] // calendar days: a Saturday stays a Saturday
    [InlineData("2028-01-20T09:00:00Z", "2028-03-05")] // across 29 February
    public void Ccpa_is_45_calendar_days(string received, string due) =>
        AssertEndOf(due, LegalCalendar.DueAt(Jurisdiction.CCPA, At(received), Holidays("2026-02-16,2028-03-06")));

    [Theory]
    [InlineData("GDPR", "2026-03-10T09:00:00Z", "", "2026-06-10")] // one month plus two further months
    [InlineData("GDPR", "2025-11-30T09:00:00Z", "", "2026-03-02")] // 30 Feb does not exist; 28 Feb 2026 is a Saturday
    [InlineData("GDPR", "2023-11-30T09:00:00Z", "", "2024-02-29")] // leap year
    [InlineData("GDPR", "2026-09-25T09:00:00Z", "2026-12-25", "2026-12-28")] // ends on a holiday
    [InlineData("CCPA", "2026-01-01T09:00:00Z", "", "2026-04-01")] // 45 + 45 days
    [InlineData("CCPA", "2026-01-05T09:00:00Z", "2026-04-06", "2026-04-05")] // calendar days: a Sunday stays
    public void Extension_adds_two_months_or_45_days(string jurisdiction, string received, string holidays, string due) =>
        AssertEndOf(due, LegalCalendar.ExtendedDueAt(Enum.Parse<Jurisdiction>(jurisdiction), At(received), Holidays(holidays)));

    [Theory]
    [InlineData("GDPR", "2026-04-10T23:59:59Z", true)] // the last second of the first month
    [InlineData("GDPR", "2026-04-11T00:00:00Z", false)] // too late: the notice must go within the first month
    [InlineData("CCPA", "2026-04-24T12:00:00Z", true)] // day 45
    [InlineData("CCPA", "2026-04-25T00:00:00Z", false)]
    public void An_extension_is_possible_only_within_the_first_period(string jurisdiction, string now, bool allowed) =>
        Assert.Equal(allowed, LegalCalendar.CanExtendAt(Enum.Parse<Jurisdiction>(jurisdiction), At("2026-03-10T09:00:00Z"), HolidayCalendar.None, At(now)));

    [Theory]
    [InlineData("2026-11-30T10:00:00Z", "", "2026-12-14")] // Monday: two working weeks
    [InlineData("2026-12-04T10:00:00Z", "", "2026-12-18")] // Friday
    [InlineData("2026-12-05T10:00:00Z", "", "2026-12-18")] // received on a Saturday
    [InlineData("2026-11-25T10:00:00Z", "2026-11-26,2026-11-27", "2026-12-11")] // Thanksgiving and the day after
    [InlineData("2026-12-21T10:00:00Z", "2026-12-25,2027-01-01", "2027-01-06")] // Christmas and New Year
    public void Ccpa_acknowledgement_is_due_within_10_business_days(string received, string holidays, string due) =>
        AssertEndOf(due, LegalCalendar.AcknowledgeBy(Jurisdiction.CCPA, At(received), Holidays(holidays))!.Value);

    [Theory]
    [InlineData(Jurisdiction.CCPA, "", "2026-12-21")]
    [InlineData(Jurisdiction.GDPR, "", "2026-12-21")]
    [InlineData(Jurisdiction.CCPA, "2026-12-01", "2026-12-22")]
    public void An_opt_out_is_due_within_15_business_days_under_either_law(Jurisdiction jurisdiction, string holidays, string due) =>
        AssertEndOf(due, LegalCalendar.DueAt(RequestType.OptOut, jurisdiction, At("2026-11-30T10:00:00Z"), Holidays(holidays)));

    [Fact]
    public void Gdpr_sets_no_separate_acknowledgement_deadline() =>
        Assert.Null(LegalCalendar.AcknowledgeBy(Jurisdiction.GDPR, At("2026-03-10T09:00:00Z"), HolidayCalendar.None));

    [Theory]
    [InlineData(IdentityWaitPolicy.NoPause, 3.5, "2026-04-10")] // the default: waiting does not stop the clock
    [InlineData(IdentityWaitPolicy.Pause, 3.5, "2026-04-13")] // whole days waited move the deadline
    [InlineData(IdentityWaitPolicy.Pause, 0.5, "2026-04-10")]
    public void Identity_wait_moves_the_deadline_only_under_the_pause_policy(IdentityWaitPolicy policy, double waitedDays, string due) =>
        AssertEndOf(due, LegalCalendar.WithIdentityWait(At("2026-04-10T23:59:59Z"), TimeSpan.FromDays(waitedDays), policy));

    [Theory]
    [InlineData("2026-04-01T00:00:00Z", 9)]
    [InlineData("2026-04-10T12:00:00Z", 0)]
    [InlineData("2026-04-11T12:00:00Z", -1)]
    public void Days_left_counts_whole_days_and_goes_negative_when_overdue(string now, int daysLeft) =>
        Assert.Equal(daysLeft, LegalCalendar.DaysLeft(At("2026-04-10T23:59:59Z"), At(now)));

    [Fact]
    public void Configured_holidays_apply_to_their_jurisdiction_only()
    {
        var options = new DeadlineOptions { Holidays = new(StringComparer.OrdinalIgnoreCase) { ["GDPR"] = ["2026-12-25"] } };

        Assert.False(options.HolidaysFor(Jurisdiction.GDPR).IsWorkingDay(Date("2026-12-25")));
        Assert.True(options.HolidaysFor(Jurisdiction.CCPA).IsWorkingDay(Date("2026-12-25")));
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Bad_holiday_configuration_is_named()
    {
        var options = new DeadlineOptions { Holidays = new(StringComparer.OrdinalIgnoreCase) { ["GDPR"] = ["25/12/2026"], ["Mars"] = [] } };

        var errors = options.Validate().ToList();

        Assert.Contains(errors, e => e.Contains("'25/12/2026'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Mars", StringComparison.Ordinal));
    }
}
